-- outcomes: the minimum number of similar patients below which realistic expectations and cohort rates say "too few
-- similar patients" instead of a figure. A clinic admin changes it on the policy page like every rule value. No
-- clinical source gives it (UNVERIFIED product default, docs/clinical-rules.md). Written as the key's first version
-- (entry_id = md5(key)::uuid, see V51).
insert into policy_value (key, value, unit, description, source, changed_by, reason, entry_id, version) values
('outcomes.min-similar-patients', 20, 'patients',
 'similar patients needed before realistic expectations or a cohort responder rate are shown',
 'Product default with no clinical source (UNVERIFIED): below this many similar patients the expectation is not shown; a clinic admin must confirm it',
 'seed', 'initial value', md5('outcomes.min-similar-patients')::uuid, 1);
