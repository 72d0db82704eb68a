-- The language a user's e-mails are written in (issue 13 follow-up): zh-CN or en, set with the
-- e-mail address (PUT /api/me/email, /api/users/{u}/email); Chinese unless the user says otherwise.
ALTER TABLE app_users ADD COLUMN lang VARCHAR(8) DEFAULT 'zh-CN' NOT NULL;
