-- Earlier versions appended every change's reason to the copied source text, so each policy change carried all earlier
-- reasons again (issue 10, defect 5). Rows are never rewritten: for each key whose value in force carries such a
-- grown source, a new row keeps the same value with the key's seeded source. The old rows stay as they were (the
-- history page cuts long texts for display).
insert into policy_value (key, value, unit, description, source, changed_by, reason)
select latest.key, latest.value, latest.unit, latest.description, seeded.source, 'relief upgrade',
       'source text restored to the reference (earlier versions appended every change reason to it; each row keeps its own reason)'
from (select distinct on (key) * from policy_value order by key, id desc) latest
join (select distinct on (key) key, source from policy_value order by key, id) seeded on seeded.key = latest.key
where latest.source <> seeded.source;
