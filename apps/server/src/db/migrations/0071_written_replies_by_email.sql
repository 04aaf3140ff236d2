-- Answers to written requests go by email: an agent's public reply in a web-form conversation, or
-- in a chat left while nobody was online (an offline request), is mailed like a reply to an email,
-- by the email channel's `email_send_reply` job. Queued here, in the reply's own transaction, so a
-- committed reply is never left unsent whichever module wrote it (as 0040 does for email).
create function enqueue_written_request_reply() returns trigger
  language plpgsql as $$
begin
  if new.direction = 'outbound' and new.author_type = 'agent' and new.visibility = 'public'
     and (new.channel = 'web_form'
          or (new.channel = 'chat' and exists (
                select 1 from chats where conversation_id = new.conversation_id and is_offline_request))) then
    perform graphile_worker.add_job(
      'email_send_reply',
      json_build_object('messageId', new.id),
      job_key => 'email-reply:' || new.id::text,
      max_attempts => 10
    );
  end if;
  return new;
end
$$;

create trigger messages_enqueue_written_request_reply
  after insert on messages
  for each row execute function enqueue_written_request_reply();
