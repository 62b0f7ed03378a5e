// Types for test-order.mjs (plain JS: npm test loads it before tsx).
export declare const SLOW: string[];
export declare function testFiles(full?: boolean): string[];
