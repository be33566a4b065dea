-- The page a person was opening when they were sent to sign in (a deep link), kept with the
-- e-mailed link on the server so the link's URL carries nothing a third party could swap.
ALTER TABLE `sign_in_links` ADD `next_path` text;
