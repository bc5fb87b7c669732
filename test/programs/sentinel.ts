/**
 * Stands in for the program in bad-input tests: it only counts that it was loaded. Input the check must refuse
 * before anything runs has to leave the count at zero, so nothing can have been registered.
 */
const counter = globalThis as { __programLoads?: number };
counter.__programLoads = (counter.__programLoads ?? 0) + 1;

export {};
