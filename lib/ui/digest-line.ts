/** "Changed since you last looked" in words, for the popup and the workbench cockpit. */
import type { Digest } from '../storage/digest';

/** The parts of a digest worth saying ([] when nothing changed); `t` translates. */
export function digestParts(d: Digest, t: (s: string, p?: Record<string, string | number>) => string): string[] {
  return [
    d.newCases && t('新增 {n} 单', { n: d.newCases }),
    d.finished && t('已结束 {n} 单', { n: d.finished }),
    d.statusChanges.length && t('状态变化 {n} 次', { n: d.statusChanges.length }),
    d.autoActions.length && t('平台自动处理 {n} 单', { n: d.autoActions.length }),
  ].filter((p): p is string => !!p);
}
