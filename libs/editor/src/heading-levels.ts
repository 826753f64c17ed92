/** Heading levels inside a section; the section's own title is the level above. */
export const HEADING_LEVELS = [2, 3, 4] as const;
