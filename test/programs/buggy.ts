// A program with a bug: it reads a property of undefined, as a typo in real code would.
const settings: { region?: { name: string } } = {};
export const region = (settings.region as { name: string }).name;
