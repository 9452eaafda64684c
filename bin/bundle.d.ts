/** Bundles a TypeScript entry point (path from the repository root) and returns the bundle's path. */
export function bundle(entry: string, name: string, options?: { splitting?: boolean }): Promise<string>;
