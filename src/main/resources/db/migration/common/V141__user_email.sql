-- The address a user's notifications are e-mailed to (issue 13, jointworks.notifications.smtp);
-- optional, set by the user or ADMIN.
ALTER TABLE app_users ADD COLUMN email VARCHAR(254);
