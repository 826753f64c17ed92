export const EDITOR_PLACEHOLDER = 1;
