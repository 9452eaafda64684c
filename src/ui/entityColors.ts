// One colour per entity, shared by canvas nodes and preview rows so an item's origin is
// recognisable at a glance. Chosen for contrast with dark text (WCAG AA on the light tint).
import type { DesignModel } from '../model/types';

const PALETTE = [
  '#2563eb', // blue
  '#059669', // green
  '#d97706', // amber
  '#db2777', // pink
  '#7c3aed', // violet
  '#0891b2', // cyan
  '#dc2626', // red
  '#65a30d', // lime
  '#9333ea', // purple
  '#0d9488', // teal
  '#ea580c', // orange
  '#4f46e5', // indigo
] as const;

export interface EntityColor {
  /** Strong colour for borders and badges. */
  solid: string;
  /** Pale tint for row and node backgrounds. */
  tint: string;
}

/** Colours by entity id, following the model's entity order so they are stable across reloads. */
export function entityColors(model: DesignModel): Map<string, EntityColor> {
  const colors = new Map<string, EntityColor>();
  model.entities.forEach((entity, index) => {
    const solid = PALETTE[index % PALETTE.length] ?? PALETTE[0];
    colors.set(entity.id, { solid, tint: `${solid}1a` });
  });
  return colors;
}

export const UNKNOWN_ENTITY_COLOR: EntityColor = { solid: '#6b7280', tint: '#6b72801a' };
