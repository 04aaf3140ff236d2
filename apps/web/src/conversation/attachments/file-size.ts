import { useFormat } from '../../i18n/format.ts';

/** A file's size in the agent's locale: "13 kB", "3.4 MB". */
export function useFileSize() {
  const format = useFormat();
  return (bytes: number) =>
    bytes >= 1_048_576
      ? format.unit(bytes / 1_048_576, 'megabyte')
      : format.unit(Math.max(1, Math.round(bytes / 1024)), 'kilobyte');
}
