-- The review list's totals per status, kept as invoices change instead of summed over every
-- invoice on each view (their number grows each month). Triggers keep them on every write,
-- on both drivers, whatever module writes the invoice.
CREATE TABLE `invoice_totals` (
	`status` text PRIMARY KEY NOT NULL,
	`count` integer NOT NULL,
	`amount_minor` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `invoice_totals` (`status`, `count`, `amount_minor`)
SELECT s.`status`, count(i.`id`), coalesce(sum(i.`amount_minor`), 0)
FROM (SELECT 'submitted' AS `status` UNION ALL SELECT 'divergent' UNION ALL SELECT 'approved' UNION ALL SELECT 'paid') s
LEFT JOIN `invoices` i ON i.`status` = s.`status`
GROUP BY s.`status`;
--> statement-breakpoint
CREATE TRIGGER `invoice_totals_insert` AFTER INSERT ON `invoices` BEGIN
	UPDATE `invoice_totals` SET `count` = `count` + 1, `amount_minor` = `amount_minor` + NEW.`amount_minor` WHERE `status` = NEW.`status`;
END;
--> statement-breakpoint
CREATE TRIGGER `invoice_totals_delete` AFTER DELETE ON `invoices` BEGIN
	UPDATE `invoice_totals` SET `count` = `count` - 1, `amount_minor` = `amount_minor` - OLD.`amount_minor` WHERE `status` = OLD.`status`;
END;
--> statement-breakpoint
CREATE TRIGGER `invoice_totals_update` AFTER UPDATE OF `status`, `amount_minor` ON `invoices` BEGIN
	UPDATE `invoice_totals` SET `count` = `count` - 1, `amount_minor` = `amount_minor` - OLD.`amount_minor` WHERE `status` = OLD.`status`;
	UPDATE `invoice_totals` SET `count` = `count` + 1, `amount_minor` = `amount_minor` + NEW.`amount_minor` WHERE `status` = NEW.`status`;
END;
