// A comment box that offers the workspace's members when the writer types `@`, and inserts the chosen member's handle.
import { Paper, Stack, Text, Textarea, UnstyledButton, type TextareaProps } from '@mantine/core';
import { mentionAt, mentionHandle } from '@claimdesk/domain';
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useMembers } from '../../settings';

interface Props extends Omit<TextareaProps, 'value' | 'onChange'> {
  value: string;
  onValueChange(value: string): void;
}

export function MentionTextarea({ value, onValueChange, ...rest }: Props) {
  const members = useMembers();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  // Where the caret goes once the inserted handle is on screen: set in the same commit as the new value, so typing that
  // follows at once never lands before the handle (a frame callback could run after the next keystroke).
  const pendingCaret = useRef<number | null>(null);
  useLayoutEffect(() => {
    const position = pendingCaret.current;
    if (position === null || !ref.current) return;
    pendingCaret.current = null;
    ref.current.setSelectionRange(position, position);
  }, [value]);
  const at = mentionAt(value, caret);
  const query = at?.query.toLowerCase() ?? '';
  const options =
    at && dismissed !== at.start
      ? (members.data ?? [])
          .map((m) => ({ id: m.userId, name: m.name, email: m.email }))
          .filter(
            (m) =>
              mentionHandle(m).startsWith(query) ||
              m.name
                .toLowerCase()
                .split(/\s+/)
                .some((w) => w.startsWith(query)) ||
              m.name.replace(/\s+/g, '').toLowerCase().startsWith(query),
          )
          .slice(0, 6)
      : [];
  const open = options.length > 0;

  const choose = (index: number) => {
    const member = options[index];
    if (!member || !at) return;
    const handle = `@${mentionHandle(member)} `;
    const next = value.slice(0, at.start) + handle + value.slice(caret);
    const position = at.start + handle.length;
    pendingCaret.current = position;
    onValueChange(next);
    setCaret(position);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      choose(Math.min(active, options.length - 1));
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setDismissed(at?.start ?? null);
    }
  };

  return (
    <div style={{ position: 'relative' }}>
      <Textarea
        {...rest}
        ref={ref}
        value={value}
        onChange={(e) => {
          onValueChange(e.currentTarget.value);
          setCaret(e.currentTarget.selectionStart ?? e.currentTarget.value.length);
          setActive(0);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
        onKeyDown={onKeyDown}
        aria-autocomplete="list"
        aria-controls={open ? 'mention-options' : undefined}
      />
      {open && (
        <Paper withBorder shadow="sm" p={4} radius="sm" style={{ position: 'absolute', zIndex: 20, left: 0, right: 0, maxWidth: 320 }}>
          <Stack gap={2} id="mention-options" role="listbox" aria-label="Members to mention">
            {options.map((m, i) => (
              <UnstyledButton
                key={m.id}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(i);
                }}
                px={6}
                py={4}
                style={{ borderRadius: 4, background: i === active ? 'var(--mantine-color-blue-light)' : undefined }}
              >
                <Text size="sm">{m.name}</Text>
                <Text size="xs" c="dimmed">
                  @{mentionHandle(m)}
                </Text>
              </UnstyledButton>
            ))}
          </Stack>
        </Paper>
      )}
    </div>
  );
}
