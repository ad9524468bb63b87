/** The reply editor: search, create, edit, duplicate, delete, reorder, restore shipped, packs; style check shown. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  CATEGORY_LABEL,
  checkStyle,
  exportPack,
  parsePack,
  SHIPPED_REPLIES,
  type ReplyCategory,
} from '../../../lib/replies';
import { effectiveTemplates } from '../../../lib/replies/merge';
import type { ReplyRecord } from '../../../lib/storage/db';
import { download, JSON_TYPE } from '../../../lib/export/download';
import { db, settingsChanged } from '../shared';

const nowIso = () => new Date().toISOString();

export function RepliesSection() {
  const [records, setRecords] = useState<ReplyRecord[]>([]);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Editing | undefined>();
  const [message, setMessage] = useState('');
  const load = () => void db.replies.toArray().then(setRecords);
  useEffect(load, []);
  const templates = useMemo(() => effectiveTemplates(SHIPPED_REPLIES, records), [records]);
  const shown = templates.filter(
    (t) => !query || t.title.includes(query) || t.body.includes(query) || CATEGORY_LABEL[t.category].includes(query),
  );
  const save = async (r: ReplyRecord) => {
    await db.replies.put(r);
    await settingsChanged();
    load();
  };
  const own = records.filter((r) => !r.shippedId && !r.deleted).sort((a, b) => a.order - b.order);
  return (
    <>
      <div class="row wrap">
        <input
          type="search"
          placeholder="搜索模板"
          aria-label="搜索模板"
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
        <button
          type="button"
          onClick={() => setEditing({ id: `mine-${Date.now()}`, title: '', category: 'greeting', body: '' })}
        >
          新建模板
        </button>
        <button
          type="button"
          onClick={() => download(new Blob([exportPack(templates)], { type: JSON_TYPE }), '售后雷达-回复模板.json')}
        >
          导出模板包
        </button>
        <label class="file">
          导入模板包
          <input
            type="file"
            accept="application/json,.json"
            onChange={async (e) => {
              const file = (e.target as HTMLInputElement).files?.[0];
              if (!file) return;
              const r = parsePack(await file.text());
              if (!r.ok) return setMessage(r.error);
              const shippedIds = new Set(SHIPPED_REPLIES.map((t) => t.id));
              for (const [i, t] of r.templates.entries()) {
                await db.replies.put(
                  shippedIds.has(t.id)
                    ? {
                        id: `edit-${t.id}`,
                        shippedId: t.id,
                        title: t.title,
                        category: t.category,
                        body: t.body,
                        order: i,
                        updatedAt: nowIso(),
                      }
                    : {
                        id: t.id,
                        title: t.title,
                        category: t.category,
                        body: t.body,
                        order: own.length + i,
                        updatedAt: nowIso(),
                      },
                );
              }
              await settingsChanged();
              load();
              setMessage(`已导入 ${r.templates.length} 个模板`);
            }}
          />
        </label>
        {message && (
          <span class="ok" role="status">
            {message}
          </span>
        )}
      </div>
      {editing && (
        <ReplyEditor
          editing={editing}
          onChange={setEditing}
          onSave={async () => {
            await save({
              id: editing.id,
              title: editing.title.trim(),
              category: editing.category,
              body: editing.body,
              order: records.find((r) => r.id === editing.id)?.order ?? own.length,
              ...(editing.shippedId ? { shippedId: editing.shippedId } : {}),
              updatedAt: nowIso(),
            });
            setEditing(undefined);
          }}
        />
      )}
      <ul class="replies">
        {shown.map((t) => (
          <ReplyItem key={t.id} t={t} records={records} onEdit={setEditing} onSave={save} onRestored={load} />
        ))}
      </ul>
      {records.some((r) => r.shippedId && r.deleted) && (
        <button
          type="button"
          onClick={async () => {
            await db.replies.bulkDelete(records.filter((r) => r.shippedId && r.deleted).map((r) => r.id));
            await settingsChanged();
            load();
          }}
        >
          恢复所有隐藏的内置模板
        </button>
      )}
    </>
  );
}

type Editing = { id: string; title: string; category: ReplyCategory; body: string; shippedId?: string };

/** The template being edited, with the style check of its text as it is typed. */
function ReplyEditor({
  editing,
  onChange,
  onSave,
}: {
  editing: Editing;
  onChange: (e: Editing | undefined) => void;
  onSave: () => void;
}) {
  const issues = checkStyle(editing.body, editing.category);
  return (
    <div class="editor" data-testid="reply-editor">
      <label>
        标题
        <input
          value={editing.title}
          onInput={(e) => onChange({ ...editing, title: (e.target as HTMLInputElement).value })}
          maxLength={80}
        />
      </label>
      <label>
        分类
        <select
          value={editing.category}
          onChange={(e) => onChange({ ...editing, category: (e.target as HTMLSelectElement).value as ReplyCategory })}
        >
          {Object.entries(CATEGORY_LABEL).map(([k, l]) => (
            <option key={k} value={k}>
              {l}
            </option>
          ))}
        </select>
      </label>
      <label>
        内容（占位符如 {'{买家}'} {'{订单号}'} {'{退款金额}'} {'{剩余时间}'} {'{退货地址}'} {'{客服}'}）
        <textarea
          rows={4}
          value={editing.body}
          onInput={(e) => onChange({ ...editing, body: (e.target as HTMLTextAreaElement).value })}
          maxLength={2000}
        />
      </label>
      <ul class="style-issues" data-testid="style-issues">
        {issues.map((i) => (
          <li key={i.rule + i.message}>
            {i.message}
            {i.suggestion && <span class="muted">（建议：{i.suggestion}）</span>}
          </li>
        ))}
        {!issues.length && editing.body && <li class="ok">符合回复原则</li>}
      </ul>
      <button type="button" disabled={!editing.title.trim() || !editing.body.trim()} onClick={onSave}>
        保存模板
      </button>
      <button type="button" onClick={() => onChange(undefined)}>
        取消
      </button>
    </div>
  );
}

/** One template in the list: shipped, edited or the shop's own, and what can be done with it. */
function ReplyItem({
  t,
  records,
  onEdit,
  onSave,
  onRestored,
}: {
  t: ReturnType<typeof effectiveTemplates>[number];
  records: ReplyRecord[];
  onEdit: (e: Editing) => void;
  onSave: (r: ReplyRecord) => Promise<void>;
  onRestored: () => void;
}) {
  const own = t.origin === 'user';
  const edited = records.find((r) => r.shippedId === t.id);
  return (
    <li data-reply-id={t.id}>
      <div class="row">
        <b>{t.title}</b>
        <span class="muted">{CATEGORY_LABEL[t.category]}</span>
        <span class="muted">{own ? '自定义' : edited ? '已修改' : '内置'}</span>
      </div>
      <p>{t.body}</p>
      {checkStyle(t.body, t.category).map((i) => (
        <p key={i.message} class="bad">
          {i.message}
        </p>
      ))}
      <div class="row">
        <button
          type="button"
          onClick={() =>
            onEdit(
              own
                ? { id: t.id, title: t.title, category: t.category, body: t.body }
                : {
                    id: edited?.id ?? `edit-${t.id}`,
                    shippedId: t.id,
                    title: t.title,
                    category: t.category,
                    body: t.body,
                  },
            )
          }
        >
          编辑
        </button>
        <button
          type="button"
          onClick={() =>
            onEdit({ id: `mine-${Date.now()}`, title: `${t.title}（副本）`, category: t.category, body: t.body })
          }
        >
          复制
        </button>
        {own ? (
          <>
            <button
              type="button"
              onClick={() =>
                void onSave({
                  ...records.find((r) => r.id === t.id)!,
                  order: (records.find((r) => r.id === t.id)!.order ?? 0) - 1.5,
                  updatedAt: nowIso(),
                })
              }
            >
              上移
            </button>
            <button
              type="button"
              onClick={() =>
                void onSave({ ...records.find((r) => r.id === t.id)!, deleted: true, updatedAt: nowIso() })
              }
            >
              删除
            </button>
          </>
        ) : edited ? (
          <button
            type="button"
            onClick={async () => {
              await db.replies.delete(edited.id);
              await settingsChanged();
              onRestored();
            }}
          >
            恢复内置
          </button>
        ) : (
          <button
            type="button"
            onClick={() =>
              void onSave({
                id: `edit-${t.id}`,
                shippedId: t.id,
                title: t.title,
                category: t.category,
                body: t.body,
                order: 0,
                deleted: true,
                updatedAt: nowIso(),
              })
            }
          >
            隐藏
          </button>
        )}
      </div>
    </li>
  );
}
