/** Roles an admin may require a second factor for; admins always need one. Without zod: the account page lists them on first view. */
export const mfaPolicyRoles = ['agency', 'curator', 'officer'] as const;
