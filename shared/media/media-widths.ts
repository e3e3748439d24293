// No zod import: the Angular bundle uses these for srcset candidates and upload checks.

/** The largest image `POST /api/media` takes; larger is 413. */
export const maxUploadBytes = 10 * 1024 * 1024;

/** The widths `GET /api/media/:id?w=` renders; any other width is refused with 400. */
export const mediaWidths = [160, 320, 480, 640, 960, 1280] as const;
export type MediaWidth = (typeof mediaWidths)[number];
