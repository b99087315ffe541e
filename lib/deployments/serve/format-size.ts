/** Bytes for a person: "1 byte", "512 bytes", "3.4 KB", "12 MB". */
export function formatSize(bytes: number): string {
  const units = ["bytes", "KB", "MB", "GB"];
  const unit = Math.min(Math.floor(Math.log(Math.max(bytes, 1)) / Math.log(1024)), units.length - 1);
  const value = bytes / 1024 ** unit;
  return unit === 0 ? `${bytes} byte${bytes === 1 ? "" : "s"}` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
