-- 审计日志: append-only and hash-chained (SM3). The application role may only read and append.
create schema audit;
grant usage on schema audit to ${appRole};

create table audit.audit_event (
    id bigint generated always as identity primary key,
    occurred_at timestamptz not null,
    actor text not null,
    actor_role text,
    action text not null,
    object_type text,
    object_id text,
    outcome text not null,
    detail text,
    client_ip text,
    prev_hash char(64) not null,
    hash char(64) not null
);
create index audit_event_occurred_at on audit.audit_event (occurred_at);
create index audit_event_actor on audit.audit_event (actor);

revoke update, delete, truncate on audit.audit_event from ${appRole};

create function audit.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit.audit_event is append-only';
end;
$$;
create trigger audit_event_append_only before update or delete on audit.audit_event
    for each row execute function audit.refuse_change();
create trigger audit_event_no_truncate before truncate on audit.audit_event
    for each statement execute function audit.refuse_change();
