/**
 * A style check from the seeds' principles of after-sales talk: no bare negatives without a
 * reason, never a one-word reply, a greeting where one opens the talk and a closing where one ends
 * it, and "I" instead of blaming "you".
 */
import type { ReplyCategory } from './model';

export interface StyleIssue {
  rule: 'bare-negative' | 'too-short' | 'no-greeting' | 'no-closing' | 'blaming';
  message: string;
  suggestion?: string;
}

// Refusals, not every 没有: 「没有问题」 and the question 「能不能」 are fine.
const NEGATIVE = /(?<!能)不能(?!不)|不可以|不行|无法|不支持|不接受|没办法|没有(货|了|办法)/;
const REASON = /因为|由于|原因|是为了|按照|根据|规则|以免|否则|所以|为了/;
const GREETING = /^(亲|您好|你好|哈喽|在的|欢迎)/;
const CLOSING = /感谢|谢谢|祝您|期待|再见|随时找我|有问题.*(找|联系)我/;
const BLAMING: [RegExp, string][] = [
  [/(您|你)(搞错|弄错|看错)了?/, '可能是我没有说清楚，我再和您核对一下'],
  [/(您|你)自己(没|不)/, '我这边再帮您确认一下'],
  [/(是|都是)(您|你)的问题/, '我们一起看看问题出在哪里'],
  [/(您|你)(没有|没)(看|仔细看)/, '可能是页面上写得不够明显，我给您说明一下'],
  [/(您|你)(应该|必须)/, '建议您……，这样对您更方便'],
];

/** Categories whose reply opens a conversation, and those that end one. */
const OPENERS: ReadonlySet<ReplyCategory> = new Set(['greeting', 'ask-category']);
const CLOSERS: ReadonlySet<ReplyCategory> = new Set(['closing']);

export function checkStyle(body: string, category: ReplyCategory): StyleIssue[] {
  const text = body.replace(/\{[^{}]*\}/g, 'X').trim();
  const issues: StyleIssue[] = [];
  if (text.replace(/[\s，。！？!?,.~～]/g, '').length < 6) {
    issues.push({
      rule: 'too-short',
      message: '回复过短：不要只回一两个字',
      suggestion: '加上称呼和完整的说明，例如「亲，在的，请问有什么可以帮您？」',
    });
  }
  for (const sentence of text.split(/[。！？!?\n]/)) {
    if (NEGATIVE.test(sentence) && !REASON.test(sentence) && !REASON.test(text)) {
      issues.push({
        rule: 'bare-negative',
        message: `直接否定而没有说明原因：「${sentence.trim()}」`,
        suggestion: '说明原因，并给出可行的替代办法',
      });
      break;
    }
  }
  for (const [re, suggestion] of BLAMING) {
    const m = text.match(re);
    if (m)
      issues.push({
        rule: 'blaming',
        message: `责备买家的说法：「${m[0]}」`,
        suggestion: `用「我」来说：${suggestion}`,
      });
  }
  if (OPENERS.has(category) && !GREETING.test(text))
    issues.push({ rule: 'no-greeting', message: '开场回复缺少问候', suggestion: '以「亲，您好」开头' });
  if (CLOSERS.has(category) && !CLOSING.test(text))
    issues.push({
      rule: 'no-closing',
      message: '结束回复缺少感谢或祝福',
      suggestion: '加上「感谢您的耐心，祝您生活愉快」',
    });
  return issues;
}
