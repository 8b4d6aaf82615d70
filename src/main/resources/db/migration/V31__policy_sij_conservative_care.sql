-- policy: conservative care before a sacroiliac joint injection (rules reference section 5, SIJ injection entry:
-- ">= 4 weeks conservative care"), read from the same conservative-care fact as the ESI rules and the screen.
insert into policy_value (key, value, unit, description, source, changed_by, reason) values
('sij.conservative-care-weeks', 4, 'weeks', 'conservative care documented as failed before a sacroiliac joint injection', 'SIJ LCDs L39402 / L39455 / L39475 (2023)', 'seed', 'initial value');
