export const EXPORT_LIB = 1;
