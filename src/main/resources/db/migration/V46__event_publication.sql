-- Spring Modulith's event publication log (its v2 schema for PostgreSQL), created here rather than by Modulith at
-- start-up: the application's database role may not create tables (issue 10, defect 9). Earlier versions had
-- Modulith create it, hence "if not exists".
create table if not exists event_publication (
    id                     uuid not null,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz,
    primary key (id)
);
create index if not exists event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);
