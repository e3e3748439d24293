// Rules both sides need at run time, kept free of zod so the Angular bundle can import them cheaply.

export const userRoles = ['customer', 'seller', 'admin'] as const;
export type UserRole = (typeof userRoles)[number];

export const minPasswordLength = 8;
export const maxPasswordLength = 256;
