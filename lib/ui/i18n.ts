/**
 * The UI's two languages: Simplified Chinese first (the text in the code), English on request.
 * Keys are the Chinese strings themselves, so a missing translation falls back to Chinese. Domain
 * guidance from the engine (steps, reasons, rule texts) stays Chinese: it names the platform's terms.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export type Lang = 'zh' | 'en';

const EN: Record<string, string> = {
  // Team sync (sidebar)
  团队: 'Team',
  '还没有人认领。': 'Nobody has claimed this case.',
  '多人认领：请先商量由谁跟进。': 'Claimed by several: agree who follows up.',
  认领此单: 'Claim this case',
  放弃认领: 'Release claim',
  认领: 'claimed',
  处理人: 'Handler',
  '{who} {at} 读到此单': 'read by {who} at {at}',
  '{who} {at} 写的': 'written by {who} at {at}',
  '同事在同一时间也写了备注（两份都保留了）：': 'A colleague wrote a note at the same time (both are kept):',
  放入编辑框: 'Use in editor',
  '备注 · {who} {at}：': 'Note · {who} {at}: ',
  '（另有同时写的备注，见下方）': '(another note written at the same time, below)',
  '已看过，收起': 'Seen, hide',
  '备注（团队共享）': 'Note (shared with the team)',
  已同步: 'synced',
  '已同步 · 有未采用': 'synced · some refused',
  '另有 {n} 人认领': 'and {n} more claimed',
  同步中: 'syncing',
  同步离线: 'sync offline',
  同步被拒绝: 'sync rejected',
  '教一教：页面上的这些标签是什么意思？': 'Teach: what do these labels on the page mean?',
  '只会增加标签，不会按位置或样式猜测。可在 设置 → 数据 中查看、删除，并随设置导出给同事。':
    'This only adds labels; nothing is guessed by position or style. See and remove them under Settings → Data; they travel with the settings export.',
  '“{label}”的含义': 'Meaning of “{label}”',
  '选择含义…': 'Choose a meaning…',
  '这是什么状态？': 'Which status is this?',
  '状态未读到：“{text}”': 'Status not read: “{text}”',
  '选择状态…': 'Choose a status…',
  '忽略（不是售后信息）': 'Ignore (not after-sales data)',
  保存: 'Save',
  '已记住“{label}”，正在重新读取页面…': 'Learnt “{label}”; reading the page again…',
  '页面上读到但未采用：': 'Read on the page but not used: ',
  售后雷达: 'AfterSales Radar',
  '正在读取页面…': 'Reading the page…',
  '收起 Collapse': 'Collapse',
  '调整宽度 Resize': 'Resize',
  展开: 'Open',
  ' 单': ' cases',
  '只读 · 团队同步已开启（仅同步到本店服务器） · Alt+Shift+R 进入侧栏，再按收起':
    "Read-only · team sync on (to the shop's own server only) · Alt+Shift+R to focus, again to collapse",
  '只读 · 数据只保存在本浏览器 · Alt+Shift+R 进入侧栏，再按收起':
    'Read-only · data stays in this browser · Alt+Shift+R to focus, again to collapse',
  '未能保存到本地台账：': 'Could not save to the local ledger: ',
  '页面结构可能已变化：未找到 {labels}。这些信息暂不显示，以免给出错误的判断。':
    'The page layout may have changed: {labels} not found. Those values are not shown rather than shown wrong.',
  '页面数据校验：{n} 个字段与页面不符，已停用':
    'Page data check: {n} fields disagree with the page and are switched off',
  页面数据校验: 'Page data check',
  '未识别的页面：这里没有可读取的售后单。请打开 售后管理 的 退款管理 / 换货管理 / 退货邮费 页面。':
    'Page not recognised: no after-sales cases to read here. Open 售后管理 → 退款管理 / 换货管理 / 退货邮费.',
  进行中: 'Open',
  '24小时内到期': 'Due within 24 h',
  已超时: 'Overdue',
  涉及金额: 'At stake',
  '本页没有售后单。': 'No cases on this page.',
  搜索结果: 'Search results',
  '{n} 单，按紧急程度载入前 {m} 单': '{n} cases; the {m} most urgent loaded',
  '台账里没有以此开头的订单编号或售后单号。': 'No order number or case id in the ledger starts with this.',
  '再显示 {k} 条': 'Show {k} more',
  '按紧急程度已列出 {n} 条，再显示 {k} 条（共 {m} 条）': 'Showing the {n} most urgent; show {k} more ({m} in all)',
  '← 返回列表': '← Back to the list',
  '本单已结束，没有待处理的时限': 'This case is finished; nothing is pending',
  时限未知: 'Deadline unknown',
  '后平台将{action}': 'until the platform will {action}',
  '到期 {at} · ': 'Due {at} · ',
  '来源：': 'Source: ',
  '估算：页面未显示倒计时。': 'Estimate: the page shows no countdown. ',
  '工作时间内还剩 {left}': 'Working time left: {left}',
  下一步: 'Next steps',
  运费与赔付: 'Postage and compensation',
  发货运费: 'Outbound postage',
  退货运费: 'Return postage',
  补寄运费: 'Reshipment postage',
  '本店运费表：{province} 首重 {first}，申请 {claimed}':
    "Shop's freight table: {province} first weight {first}, claimed {claimed}",
  '高于本店运费表首重 {over}': "{over} above the shop's first-weight price",
  '按目前读到的信息，无需赔付。': 'From what was read, no compensation is owed.',
  '新店铺：{name}': 'New shop: {name}',
  设置服务承诺: "Set this shop's promises",
  '未设置前，本店的单不计任何店铺承诺的赔付。': "Until then, no shop promise counts for this shop's cases.",
  金额待定: 'Amount unknown',
  七天无理由: '7-day no-reason returns',
  '截止 {at}': 'Ends {at}',
  截止时间未知: 'End unknown',
  '（申请已超过期限）': ' (applied after the window)',
  '验货时请确认（不要凭猜测）：': 'Confirm when inspecting (do not guess):',
  店铺承诺: "The shop's promises",
  '页面未显示：': 'Not shown on the page: ',
  '依据（{n} 条规则）': 'Why ({n} rules)',
  '条件：': 'Conditions: ',
  无: 'none',
  '店铺退货承诺 {days} 天': 'Shop return promise: {days} days',
  '：截止 {at}': ', until {at}',
  '：签收时间未知': ', signing time unknown',
  '（七天已过，仍在退货承诺期内）': ' (past the 7 days, still within the return promise)',
  '（已超过退货承诺期）': ' (past the return promise)',
  准备举证材料: 'Evidence to prepare',
  建议回复: 'Suggested replies',
  插入回复: 'Insert reply',
  '请填写「{name}」': 'Fill in “{name}”',
  售后单: 'Case',
  售后单号: 'Dispute id',
  订单编号: 'Order id',
  买家: 'Buyer',
  类型: 'Type',
  金额: 'Amount',
  实付: 'Paid',
  原因: 'Reason',
  商品: 'Item',
  退货物流: 'Return parcel',
  '备注（只存本机）': 'Notes (this browser only)',
  保存备注: 'Save note',
  已处理: 'Handled',
  已保存: 'Saved',
  本地记录: 'Local timeline',
  首次记录: 'First seen',
  状态变化: 'Status change',
  时限变化: 'Deadline change',
  备注: 'Note',
  处理标记: 'Handled mark',
  步骤: 'Step',
  导入: 'Imported',
  无倒计时: 'No countdown',
  估: 'est.',
  '到期{action}': 'then {action}',
  自动同意: 'auto-agree',
  自动退款: 'auto-refund',
  自动关闭: 'auto-close',
  自动确认收货: 'auto-confirm receipt',
  退款: 'Refund',
  换货: 'Exchange',
  邮费: 'Postage',
  淘宝: 'Taobao',
  天猫: 'Tmall',
  售后工作台: 'After-sales workbench',
  退款管理: 'Refunds',
  退款详情: 'Refund detail',
  换货管理: 'Exchanges',
  换货详情: 'Exchange detail',
  退货邮费: 'Return postage',
  未识别页面: 'Unrecognised page',
  商家: 'shop',
  不产生: 'none',
  未知: 'unknown',
  运费险: 'insurance',
  订单: 'order',
  设置: 'Settings',
  '读取中…': 'Loading…',
  '读取本地台账失败：': 'Could not read the local ledger: ',
  '还没有记录任何售后单。请在卖家中心打开 售后管理 → 退款管理（或换货管理、退货邮费），售后雷达会自动读取页面上的售后单，并在平台自动处理前提醒您。':
    'No cases recorded yet. In the seller centre, open 售后管理 → 退款管理 (or 换货管理, 退货邮费): AfterSales Radar reads the cases on the page and warns you before the platform acts.',
  打开退款管理: 'Open 退款管理',
  入门指引与本店设置: 'Getting started and shop basics',
  '自上次查看以来：': 'Since you last looked: ',
  '新增 {n} 单': '{n} new',
  '状态变化 {n} 次': '{n} status changes',
  '平台自动处理 {n} 单': '{n} decided by the platform',
  没有变化: 'no changes',
  '状态未读到：请打开详情页确认': 'State not read: open the detail page to check',
  '需要：{facts}': 'Needs: {facts}',
  售后状态: 'the case state',
  '到期{action}（页面所示）': 'then {action} (as the page says)',
  '后平台将{action}（页面所示）': 'until the platform will {action} (as the page says)',
  '页面倒计时（状态未读到，不推测由谁处理）': 'The page’s countdown (state not read; nobody’s turn is assumed)',
  按状态给出的回复: 'Replies for the case state',
  '进行中：': 'Open: ',
  '搜索订单编号 / 售后单号': 'Search order or dispute id',
  '6 小时内': 'Within 6 h',
  '24 小时内': 'Within 24 h',
  '24 小时后': 'Later',
  '共记录 {n} 单（含已结束）。': '{n} cases recorded (finished ones included).',
  '没有进行中的售后单。': 'No open cases.',
  '已结束 {n} 单': '{n} finished',
  // 售后工作台's cockpit.
  页面上的统计卡片: "The page's stat cards",
  紧急队列: 'Urgent',
  '页面显示 24 小时内待处理 {n} 单，本地台账只读到 {m} 单：打开 退款管理 等列表页读取后补齐。':
    'The page counts {n} cases due within 24 h; the local ledger has read {m}: open the refund list and other lists to read them.',
  '本地台账还没有未结束的售后单：打开 退款管理 等列表页读取后，这里才有数据。':
    'The local ledger holds no open case yet: open the refund list and other lists to read them.',
  '本地台账的 {n} 个未结束售后单中（最近读取 {at}），24 小时内没有到期的。':
    'Of the {n} open cases in the local ledger (last read {at}), none is due within 24 h.',
  '本地台账的 {n} 个未结束售后单中，24 小时内没有到期的。':
    'Of the {n} open cases in the local ledger, none is due within 24 h.',
  '另有 {n} 单未列出': '{n} more not listed',
  下班前: 'Before close',
  '工作时间里没有工作日，无法推算下次上班。':
    'The working hours have no working day: the next shift cannot be worked out.',
  '下次上班 {at} 之前到期的售后单（夜里无人处理）。':
    'Cases due before the next shift starts at {at} (nobody on duty meanwhile).',
  '按默认工作时间（周一至周五 09:00–18:00），可在设置中修改。':
    'Default hours (Mon–Fri 09:00–18:00); set yours in the options.',
  久未刷新: 'Not refreshed lately',
  '超过 {h} 小时未读取、48 小时内到期的售后单：倒计时未经近期确认。':
    'Cases not read for over {h} h and due within 48 h: their countdowns are not recently confirmed.',
  '打开 {page} 刷新': 'Open {page} to refresh',
  '倒计时未确认：{h} 小时前读取': 'Countdown not confirmed: read {h} h ago',
  // 导出台账.
  状态: 'Status',
  全部: 'All',
  已结束: 'Finished',
  紧急程度: 'Urgency',
  申请日期从: 'Applied from',
  至: 'to',
  申请日期至: 'Applied to',
  '导出 Excel（.xlsx）': 'Export Excel (.xlsx)',
  '导出 CSV': 'Export CSV',
  '已导出 {n} 单': '{n} cases exported',
  '导出失败：': 'Export failed: ',
  '正在导出…': 'Exporting…',
  '正在读取台账：{done} / {total} 单': 'Reading the ledger: {done} / {total} cases',
  '正在生成 Excel 文件…': 'Writing the Excel file…',
  '正在生成 CSV 文件…': 'Writing the CSV file…',
  取消导出: 'Cancel export',
  已取消导出: 'Export cancelled',
  导出台账: 'Export the ledger',
  昨日: 'Yesterday',
  昨日日报: "Yesterday's report",
};

/** Translate a Chinese UI string, filling {names}. */
export function translate(lang: Lang, zh: string, vars: Record<string, string | number> = {}): string {
  const text = lang === 'en' ? (EN[zh] ?? zh) : zh;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export const LangContext = createContext<Lang>('zh');

/** `t('中文', { n })` in the current language. */
export function useT(): (zh: string, vars?: Record<string, string | number>) => string {
  const lang = useContext(LangContext);
  return (zh, vars) => translate(lang, zh, vars);
}

export function useLang(): Lang {
  return useContext(LangContext);
}

/** 1天3时20分 / 1d 3h 20m. */
export function formatLeftIn(lang: Lang, text: string): string {
  if (lang !== 'en') return text;
  return text
    .replace('已超时', 'overdue')
    .replace(/天/g, 'd ')
    .replace(/时/g, 'h ')
    .replace(/分/g, 'm ')
    .replace(/秒/g, 's')
    .trim();
}
