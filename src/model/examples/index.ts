// The built-in examples offered in the app; SocialMediaApp (the seed's design) is the default.
import type { DesignModel } from '../types';
export { blankModel } from './blank';
import { onlineShopModel } from './onlineShop';
import { saasModel } from './saas';
import { socialMediaModel } from './socialMedia';

export interface Example {
  id: string;
  name: string;
  model: DesignModel;
}

export const examples: Example[] = [
  { id: 'social-media', name: 'Social media app (SocialMediaApp)', model: socialMediaModel() },
  { id: 'online-shop', name: 'Online shop', model: onlineShopModel() },
  { id: 'saas', name: 'Multi-tenant SaaS', model: saasModel() },
];

/** A fresh copy of the default design, safe to edit. */
export function defaultModel(): DesignModel {
  return socialMediaModel();
}
