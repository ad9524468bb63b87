// Types for scripts/package-check.mjs.
export const SELLER_PATTERNS: string[];
export function readZip(buffer: Buffer): Map<string, Buffer>;
export function manifestProblems(manifest: Record<string, unknown>, version: string): string[];
export function codeProblems(files: Map<string, Buffer>): string[];
export function mozillaLint(file: string): Promise<string[]>;
