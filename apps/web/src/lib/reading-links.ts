/**
 * Where the reading view (features/reading) shows things: the ids of its elements, and the
 * address of a section in it. Here and not in the feature, so that a page can link into the
 * reading view without loading it (it brings the schema's library along).
 */

/** The id of a section's title in the reading view. */
export const sectionAnchor = (sectionId: string): string => `abschnitt-${sectionId}`;

/** The reading view at a section's title. */
export const readingPath = (projectId: string, sectionId: string): string =>
  `/projects/${encodeURIComponent(projectId)}/read#${sectionAnchor(sectionId)}`;
