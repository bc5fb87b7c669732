// A program whose stack output waits on a promise that never settles.
export const forever = new Promise<string>(() => undefined);
