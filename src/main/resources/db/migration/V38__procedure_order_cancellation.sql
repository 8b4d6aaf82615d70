-- An order can be cancelled with a written reason. The order and its decision stay as they were; the cancellation
-- is a row of its own (append-only, at most one per order), so what was ordered and why it was withdrawn stay
-- answerable.
create table procedure_order_cancellation (
    id          bigserial primary key,
    order_id    uuid not null unique references procedure_order (id),
    by_actor    text not null,
    reason      text not null,
    at          timestamptz not null default now()
);
