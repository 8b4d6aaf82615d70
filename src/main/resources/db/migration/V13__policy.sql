-- policy: the configurable values of the clinical rules. Append-only: a change is a new row, so which value was in
-- force when a decision was made stays answerable. Seeded from the project's clinical rules reference; values whose
-- primary text was not read carry UNVERIFIED in their source, so an admin sees they must be confirmed.
create table policy_value (
    id          bigserial primary key,
    key         text not null,
    value       numeric not null,
    unit        text not null,
    description text not null,
    source      text not null,
    changed_by  text not null,
    changed_at  timestamptz not null default now(),
    reason      text
);
create index policy_value_key on policy_value (key, id desc);
create trigger policy_value_append_only before update or delete on policy_value
    for each row execute function refuse_change();

insert into policy_value (key, value, unit, description, source, changed_by, reason) values
('esi.pain-duration-weeks', 4, 'weeks', 'pain duration before a first epidural steroid injection', 'LCD L33906 (summary)', 'seed', 'initial value'),
('esi.conservative-care-weeks.stenosis', 4, 'weeks', 'conservative care documented as failed before ESI (stenosis)', 'payer comparator eviCore CMM-200; Medicare length UNVERIFIED', 'seed', 'initial value'),
('esi.conservative-care-weeks.radiculopathy', 6, 'weeks', 'conservative care documented as failed before ESI (radiculopathy)', 'payer comparator eviCore CMM-200; Medicare length UNVERIFIED', 'seed', 'initial value'),
('esi.levels.transforaminal', 2, 'levels', 'maximum levels per session, transforaminal', 'LCD L33906 / A56651 / A58777', 'seed', 'initial value'),
('esi.levels.interlaminar', 1, 'levels', 'maximum levels per session, interlaminar or caudal', 'LCD L33906 / A56651 / A58777', 'seed', 'initial value'),
('esi.sessions-per-region-12m', 4, 'sessions', 'ESI sessions per region per rolling 12 months', 'LCD L33906 / A56651 / A58777', 'seed', 'initial value'),
('esi.repeat-relief-percent', 50, '%', 'relief (or functional improvement) from the last ESI required for a repeat', 'LCD L33906 (summary); duration for ESI UNVERIFIED', 'seed', 'initial value'),
('esi.min-interval-days', 21, 'days', 'minimum interval between ESIs (the clinic''s "every 3 to 4 weeks"); comparators 14 days eviCore, 30 days BCBS MA', 'clinic practice', 'seed', 'initial value'),
('esi.steroid-warn-mg-12m', 200, 'mg methylprednisolone-equivalent', 'cumulative steroid per 12 months above which to warn (lower for post-menopausal women)', 'Brown-Beresford, INPM 2022', 'seed', 'initial value'),
('mbb.block-relief-percent', 80, '%', 'relief of the index pain each diagnostic medial branch block must reach', 'facet LCD family', 'seed', 'initial value'),
('mbb.blocks-before-rfa', 2, 'blocks', 'diagnostic medial branch blocks before the first RFA', 'facet LCD family', 'seed', 'initial value'),
('rfa.repeat-interval-months', 6, 'months', 'minimum interval since the last RFA at that level and side', 'payer comparators eviCore CMM-208, TRICARE', 'seed', 'initial value'),
('rfa.repeat-relief-percent', 50, '%', 'relief from the last RFA required for a repeat', 'Medicare (UNVERIFIED) / eviCore', 'seed', 'initial value'),
('rfa.repeat-relief-weeks', 26, 'weeks', 'how long that relief must have lasted (Medicare 6 months UNVERIFIED; eviCore 12 weeks)', 'Medicare UNVERIFIED; eviCore CMM-208 12 weeks', 'seed', 'initial value'),
('rfa.sessions-per-region-12m', 2, 'sessions', 'RFA sessions per region per rolling 12 months', 'LCD paraphrase, partially verified', 'seed', 'initial value'),
('rfa.levels-per-side', 3, 'levels', 'levels per side per session', 'eviCore CMM-208', 'seed', 'initial value'),
('facet-ia.sessions-per-region-12m', 4, 'sessions', 'therapeutic intra-articular facet injections per region per 12 months', 'facet LCD family', 'seed', 'initial value'),
('scs.trial-relief-percent', 50, '%', 'pain reduction in the stimulation trial that counts as success', 'NCD 160.7 / L37632 summaries; Florida Blue MP-328', 'seed', 'initial value'),
('sij.provocation-positive', 3, 'tests', 'positive provocation tests of 6 required', 'SIJ LCDs L39402 / L39455 / L39475 (2023); L39797', 'seed', 'initial value'),
('sij.block-relief-percent', 75, '%', 'relief a diagnostic SIJ block must reach', 'SIJ LCDs (2023); L39797', 'seed', 'initial value'),
('sij.diagnostic-per-12m', 2, 'sessions', 'diagnostic SIJ injections per rolling 12 months', 'SIJ LCDs (2023)', 'seed', 'initial value'),
('sij.therapeutic-per-12m', 4, 'sessions', 'therapeutic SIJ injections per rolling 12 months', 'SIJ LCDs (2023)', 'seed', 'initial value'),
('va.nrs-outpatient', 5, 'NRS', 'pain for vertebral augmentation, outpatient, despite optimal non-surgical care', 'LCD L38201 family', 'seed', 'initial value'),
('tpi.findings-required', 2, 'findings', 'trigger-point findings required for an initial injection', 'LCD L36859', 'seed', 'initial value'),
('tpi.sessions-per-12m', 3, 'sessions', 'trigger point injection sessions per rolling 12 months', 'LCD L36859 / A59553', 'seed', 'initial value'),
('tpi.repeat-relief-percent', 50, '%', 'relief from the last TPI required for a repeat', 'LCD L36859', 'seed', 'initial value'),
('tpi.repeat-relief-weeks', 6, 'weeks', 'how long that relief must have lasted', 'LCD L36859', 'seed', 'initial value'),
('adhesiolysis.min-interval-months', 6, 'months', 'at most one adhesiolysis per this many months per region', 'legacy First Coast LCD L28948/L29256', 'seed', 'initial value'),
('adhesiolysis.covered', 0, 'yes=1/no=0', 'whether the payer covers percutaneous adhesiolysis (several Medicare contractors do not)', 'rules reference section 8', 'seed', 'initial value');
