-- One search document per conversation: its subject and the text of every message. A text filter
-- is then one indexed predicate with real statistics, so the planner uses the GIN index for rare
-- terms instead of walking every conversation (docs/benchmarks.md, "text search").
-- Kept by triggers because every channel inserts messages and merges move them: the document
-- must follow whoever writes, like an index does.

-- Each message contributes at most its first 100,000 characters; a conversation whose document
-- would pass PostgreSQL's 1 MB tsvector limit keeps what it has (its messages stay readable).
create function message_search_text(body text) returns text
  language sql immutable parallel safe
  as $$ select left(coalesce(body, ''), 100000) $$;

create function rebuild_conversation_search_document(conversation uuid, subject text) returns tsvector
  language plpgsql stable
  as $$
declare
  bodies text;
begin
  select string_agg(message_search_text(m.body_text), E'\n' order by m.created_at, m.id)
    into bodies
    from messages m
    where m.conversation_id = conversation;
  return search_document(coalesce(subject, '') || E'\n' || coalesce(bodies, ''));
exception when program_limit_exceeded then
  return search_document(subject);
end
$$;

alter table conversations add column search_document tsvector not null default ''::tsvector;
update conversations c set search_document = rebuild_conversation_search_document(c.id, c.subject);
create index conversations_search_document_idx on conversations using gin (search_document);
drop index conversations_search_idx;

create function append_message_to_search_document() returns trigger
  language plpgsql
  as $$
begin
  begin
    update conversations
      set search_document = search_document || search_document(message_search_text(new.body_text))
      where id = new.conversation_id;
  exception when program_limit_exceeded then
    null;
  end;
  return null;
end
$$;

create trigger messages_search_document_insert
  after insert on messages
  for each row execute function append_message_to_search_document();

create function rebuild_search_documents_after_move() returns trigger
  language plpgsql
  as $$
begin
  update conversations
    set search_document = rebuild_conversation_search_document(id, subject)
    where id in (old.conversation_id, new.conversation_id);
  return null;
end
$$;

create trigger messages_search_document_move
  after update of conversation_id on messages
  for each row when (old.conversation_id is distinct from new.conversation_id)
  execute function rebuild_search_documents_after_move();

create function rebuild_search_document_on_subject() returns trigger
  language plpgsql
  as $$
begin
  new.search_document := rebuild_conversation_search_document(new.id, new.subject);
  return new;
end
$$;

create trigger conversations_search_document_subject
  before update of subject on conversations
  for each row when (old.subject is distinct from new.subject)
  execute function rebuild_search_document_on_subject();

create trigger conversations_search_document_insert
  before insert on conversations
  for each row execute function rebuild_search_document_on_subject();
