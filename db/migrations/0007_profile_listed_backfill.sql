-- A profile is listed only while its owner's e-mail is verified and the account is active.
UPDATE "expert_profiles" AS p SET "listed" = false
FROM "users" AS u
WHERE p."user_id" = u."id" AND (u."email_verified_at" IS NULL OR u."status" <> 'active');
