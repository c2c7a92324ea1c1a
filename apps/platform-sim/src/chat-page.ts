import type { ReportCategory } from '@vigie/contracts';
import type { SimConversation, SimUser } from './conversations';

/** What the page's script needs; it renders everything else itself, as text (never as HTML). */
export interface ChatPageData {
  vigieUrl: string;
  personas: readonly (SimUser & { label: string })[];
  users: readonly SimUser[];
  conversations: readonly SimConversation[];
  categories: readonly { id: ReportCategory; label: string }[];
  maxCommentLength: number;
}

/**
 * The platform's chat as one self-contained document: inline style, inline script (allowed by
 * its nonce only), and the data as JSON in a non-executable script element.
 */
export function renderChatPage(data: ChatPageData, nonce: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Messages · Tremplin</title>
<link rel="icon" href="${FAVICON}">
<style>${STYLE}</style>
</head>
<body>
<header class="topbar">
  <div class="brand"><span class="logo" aria-hidden="true">${LOGO}</span><span>Tremplin</span><span class="sim-badge" title="Une simulation de la plateforme de mentorat, pour les démonstrations de Vigie">Simulateur</span></div>
  <nav class="nav" aria-label="Sections"><span>Découvrir les métiers</span><span class="active" aria-current="page">Messages</span><span>Agenda</span></nav>
  <div class="persona"><span id="persona-label">Vous êtes :</span><div class="segmented" role="group" aria-labelledby="persona-label" id="persona-switch"></div><span id="me-avatar"></span></div>
</header>
<main class="app">
  <aside class="sidebar" aria-label="Conversations">
    <h1>Messages</h1>
    <div class="search">${SEARCH_ICON}<input id="search" type="search" placeholder="Rechercher une conversation" aria-label="Rechercher une conversation"></div>
    <ul id="conversation-list" aria-label="Conversations"></ul>
    <p class="sim-note">Simulateur de la plateforme : un signalement envoyé ici part vraiment vers Vigie (<span id="vigie-url"></span>), signé comme ceux de la plateforme.</p>
  </aside>
  <section class="chat" aria-labelledby="chat-title">
    <header class="chat-header" id="chat-header"></header>
    <ol id="messages" aria-live="polite"></ol>
    <form class="composer" aria-label="Écrire un message"><input disabled placeholder="Simulateur : l’envoi de messages est désactivé" aria-label="Message"><button type="button" disabled>Envoyer</button></form>
  </section>
</main>
<dialog id="report-dialog" aria-labelledby="report-title">
  <form id="report-form" novalidate>
    <section id="report-step-form" class="dialog-inner">
      <header class="dialog-header"><h2 id="report-title">Signaler ce message</h2><button type="button" class="icon-button" data-close aria-label="Fermer">×</button></header>
      <blockquote class="quote"><span id="report-quote-author" class="quote-author"></span><span id="report-quote-text"></span></blockquote>
      <fieldset class="categories"><legend>Pourquoi signalez-vous ce message ?</legend><div id="report-categories" class="category-grid"></div></fieldset>
      <label class="field-label" for="report-comment">Ajouter un commentaire <span class="optional">(facultatif)</span></label>
      <textarea id="report-comment" rows="3" maxlength="${data.maxCommentLength}" placeholder="Dites-nous ce qui s’est passé…"></textarea>
      <p class="confidential">${LOCK_ICON}<span>Votre signalement est confidentiel : <span id="report-reported-name"></span> ne saura pas que c’est vous.</span></p>
      <p id="report-error" class="form-error" role="alert" hidden></p>
      <footer class="dialog-actions"><button type="button" class="button secondary" data-close>Annuler</button><button type="submit" id="report-submit" class="button primary" disabled>Envoyer le signalement</button></footer>
    </section>
    <section id="report-step-done" class="dialog-inner done" hidden>
      <div class="done-icon" aria-hidden="true">${CHECK_ICON}</div>
      <h2>Signalement envoyé</h2>
      <p class="done-thanks">Merci, notre équipe de modération va examiner ce signalement.</p>
      <p class="done-help" id="report-help">Si tu te sens en danger, parles-en à un adulte de confiance ou appelle le 3018 (gratuit, anonyme et confidentiel).</p>
      <button type="button" class="button primary" data-close>Fermer</button>
      <p class="demo-link">Démo : <a id="vigie-link" target="_blank" rel="noopener">Voir dans Vigie</a></p>
    </section>
  </form>
</dialog>
<script type="application/json" id="chat-data">${jsonForScript(data)}</script>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>
`;
}

// JSON inside <script> must not be able to close the element: escape <, > and & as \u sequences.
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='9' fill='%23ff6b4a'/%3E%3Cpath d='M8 23c5-1 9-5 10-14M18 9l-4 4M18 9l4 4' stroke='white' stroke-width='3' fill='none' stroke-linecap='round'/%3E%3C/svg%3E";
const LOGO =
  '<svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"><path d="M4 18c4-1 7-4 8-12"/><path d="M12 6l-3 3M12 6l3 3"/><path d="M14 18h6"/></svg>';
const SEARCH_ICON =
  '<svg class="search-icon" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" aria-hidden="true"><circle cx="11" cy="11" r="7"/><path d="M20 20l-3.5-3.5"/></svg>';
const LOCK_ICON =
  '<svg viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" aria-hidden="true"><rect x="5" y="11" width="14" height="10" rx="2"/><path d="M8 11V8a4 4 0 0 1 8 0v3"/></svg>';
const CHECK_ICON =
  '<svg viewBox="0 0 24 24" width="30" height="30" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"><path d="M5 12.5l4.5 4.5L19 7.5"/></svg>';

const STYLE = `
:root {
  --brand: #ff6b4a; --brand-2: #ff9a5a; --brand-soft: #fff1ea; --violet: #6d5dfc;
  --ink: #1e2240; --muted: #6b7086; --line: #efe7e1; --bg: #fbf6f2; --danger: #d6453d;
  font-family: Nunito, "Segoe UI", ui-rounded, system-ui, -apple-system, Roboto, "Liberation Sans", sans-serif;
  color: var(--ink);
}
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { background: var(--bg); display: flex; flex-direction: column; }
button, input, textarea { font: inherit; color: inherit; }
.topbar { height: 68px; flex: none; display: flex; align-items: center; gap: 28px; padding: 0 24px; background: #fff; border-bottom: 1px solid var(--line); }
.brand { display: flex; align-items: center; gap: 10px; font-weight: 800; font-size: 21px; letter-spacing: -0.02em; }
.logo { width: 36px; height: 36px; border-radius: 11px; display: grid; place-items: center; color: #fff; background: linear-gradient(135deg, var(--brand-2), var(--brand) 55%, #f2557a); box-shadow: 0 4px 10px rgba(255, 107, 74, 0.35); }
.sim-badge { font-size: 11px; font-weight: 800; text-transform: uppercase; letter-spacing: 0.06em; color: var(--violet); background: #efedff; padding: 3px 9px; border-radius: 999px; }
.nav { display: flex; gap: 4px; font-weight: 700; font-size: 15px; color: var(--muted); }
.nav span { padding: 8px 14px; border-radius: 10px; }
.nav .active { color: var(--ink); background: var(--brand-soft); }
.persona { margin-left: auto; display: flex; align-items: center; gap: 12px; font-size: 14px; color: var(--muted); font-weight: 600; }
.segmented { display: flex; background: #f4eeea; border-radius: 999px; padding: 4px; }
.segmented button { border: 0; background: transparent; padding: 7px 16px; border-radius: 999px; cursor: pointer; font-weight: 700; font-size: 14px; color: var(--muted); }
.segmented button[aria-pressed="true"] { background: #fff; color: var(--ink); box-shadow: 0 1px 4px rgba(30, 34, 64, 0.16); }
.app { flex: 1; min-height: 0; display: grid; grid-template-columns: 360px 1fr; }
.sidebar { background: #fff; border-right: 1px solid var(--line); display: flex; flex-direction: column; min-height: 0; }
.sidebar h1 { font-size: 26px; font-weight: 800; letter-spacing: -0.02em; margin: 22px 22px 14px; }
.search { margin: 0 16px 10px; position: relative; color: var(--muted); }
.search-icon { position: absolute; left: 13px; top: 50%; transform: translateY(-50%); }
.search input { width: 100%; border: 0; background: #f6f1ed; border-radius: 12px; padding: 11px 14px 11px 40px; outline-color: var(--brand); }
#conversation-list { list-style: none; margin: 0; padding: 4px 8px; overflow: auto; flex: 1; }
.conversation { width: 100%; display: flex; gap: 12px; align-items: center; border: 0; background: transparent; padding: 11px 12px; border-radius: 16px; cursor: pointer; text-align: left; }
.conversation:hover { background: #fbf6f2; }
.conversation.is-selected { background: var(--brand-soft); }
.conversation-main { flex: 1; min-width: 0; display: flex; flex-direction: column; gap: 2px; }
.conversation-top { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; }
.conversation-name { font-weight: 800; }
.conversation-time { font-size: 12px; color: var(--muted); flex: none; }
.conversation-preview { font-size: 14px; color: var(--muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.avatar { width: 46px; height: 46px; border-radius: 50%; display: grid; place-items: center; color: #fff; font-weight: 800; font-size: 16px; flex: none; }
.avatar-sm { width: 30px; height: 30px; font-size: 12px; }
.avatar-xs { width: 32px; height: 32px; font-size: 12px; }
.avatar-spacer { width: 30px; flex: none; }
.sim-note { margin: 12px 16px 16px; padding: 12px 14px; border-radius: 14px; background: #f4f2ff; color: #4b3fb8; font-size: 13px; line-height: 1.45; }
.chat { display: flex; flex-direction: column; min-height: 0; min-width: 0; }
.chat-header { display: flex; align-items: center; gap: 14px; padding: 14px 28px; background: #fff; border-bottom: 1px solid var(--line); }
.chat-title { margin: 0; font-size: 18px; font-weight: 800; }
.chat-subtitle { margin: 2px 0 0; font-size: 14px; color: var(--muted); display: flex; align-items: center; gap: 8px; }
.kind { font-size: 11px; font-weight: 800; text-transform: uppercase; letter-spacing: 0.05em; padding: 2px 8px; border-radius: 999px; }
.kind-expert { background: #e8f7f4; color: #13806f; }
.kind-explorer { background: #fff0e0; color: #b45a00; }
#messages { list-style: none; margin: 0; padding: 20px 28px 12px; overflow: auto; flex: 1; display: flex; flex-direction: column; gap: 8px; }
.day { align-self: center; font-size: 12px; font-weight: 800; color: var(--muted); background: #f2ebe5; padding: 4px 12px; border-radius: 999px; margin: 12px 0 6px; }
.message { display: flex; gap: 10px; align-items: flex-start; max-width: min(68%, 640px); }
.message.from-me { align-self: flex-end; flex-direction: row-reverse; }
.message.grouped { margin-top: -4px; }
.message-body { min-width: 0; display: flex; flex-direction: column; }
.from-me .message-body { align-items: flex-end; }
.bubble { margin: 0; padding: 10px 15px; border-radius: 20px; line-height: 1.45; font-size: 15px; white-space: pre-wrap; overflow-wrap: anywhere; }
.from-them .bubble { background: #fff; border-top-left-radius: 6px; box-shadow: 0 1px 2px rgba(30, 34, 64, 0.08); }
.from-me .bubble { background: linear-gradient(135deg, var(--brand-2), var(--brand)); color: #fff; border-top-right-radius: 6px; }
.meta { display: flex; gap: 12px; align-items: center; font-size: 12px; color: var(--muted); margin: 4px 8px 0; }
.report-action { border: 0; background: none; padding: 0; color: #a3a7b9; display: inline-flex; gap: 4px; align-items: center; cursor: pointer; font-size: 12px; font-weight: 700; }
.report-action:hover, .report-action:focus-visible { color: var(--danger); }
.reported-tag { color: var(--danger); font-weight: 800; display: inline-flex; gap: 4px; align-items: center; }
.composer { display: flex; gap: 10px; padding: 12px 28px 20px; margin: 0; }
.composer input { flex: 1; border: 1px solid var(--line); background: #fff; border-radius: 999px; padding: 13px 20px; }
.composer button { border: 0; border-radius: 999px; padding: 0 22px; font-weight: 800; background: var(--brand); color: #fff; opacity: 0.45; }
dialog { border: 0; border-radius: 24px; padding: 0; width: min(540px, calc(100vw - 32px)); box-shadow: 0 24px 60px rgba(30, 34, 64, 0.28); color: var(--ink); }
dialog::backdrop { background: rgba(30, 34, 64, 0.45); }
.dialog-inner { padding: 24px 26px 22px; }
.dialog-header { display: flex; align-items: center; justify-content: space-between; }
.dialog-header h2 { margin: 0; font-size: 21px; font-weight: 800; letter-spacing: -0.01em; }
.icon-button { border: 0; background: #f4eeea; width: 34px; height: 34px; border-radius: 50%; font-size: 20px; line-height: 1; cursor: pointer; color: var(--muted); }
.quote { margin: 16px 0 18px; padding: 12px 14px; background: #f8f4f1; border-left: 4px solid var(--brand); border-radius: 6px 14px 14px 6px; font-size: 14px; line-height: 1.45; color: #3a3f5c; display: flex; flex-direction: column; gap: 4px; }
.quote-author { font-weight: 800; font-size: 12px; color: var(--muted); }
.categories { border: 0; padding: 0; margin: 0 0 16px; }
.categories legend { font-weight: 800; margin-bottom: 10px; padding: 0; }
.category-grid { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
.category { display: flex; align-items: center; gap: 10px; padding: 10px 12px; border: 1.5px solid var(--line); border-radius: 12px; cursor: pointer; font-weight: 700; font-size: 14px; }
.category:hover { border-color: #f5c6b6; }
.category:has(input:checked) { border-color: var(--brand); background: var(--brand-soft); }
.category input { accent-color: var(--brand); margin: 0; width: 16px; height: 16px; }
.field-label { display: block; font-weight: 800; margin-bottom: 8px; }
.optional { color: var(--muted); font-weight: 600; }
textarea { width: 100%; border: 1.5px solid var(--line); border-radius: 12px; padding: 10px 12px; resize: vertical; outline-color: var(--brand); }
.confidential { display: flex; gap: 8px; align-items: flex-start; color: var(--muted); font-size: 13px; margin: 12px 0 0; }
.confidential svg { flex: none; margin-top: 1px; }
.form-error { background: #fdecec; color: #a12c25; padding: 10px 12px; border-radius: 12px; font-size: 14px; margin: 14px 0 0; }
.dialog-actions { display: flex; justify-content: flex-end; gap: 10px; margin-top: 20px; }
.button { border: 0; border-radius: 999px; padding: 11px 20px; font-weight: 800; cursor: pointer; }
.primary { background: var(--brand); color: #fff; }
.primary:hover:not(:disabled) { background: #f25a39; }
.primary:disabled { opacity: 0.45; cursor: not-allowed; }
.secondary { background: #f4eeea; }
.done { text-align: center; padding: 34px 32px 22px; }
.done h2 { margin: 0 0 8px; font-size: 22px; }
.done-icon { width: 64px; height: 64px; border-radius: 50%; background: #e4f6ee; color: #1e9e6a; display: grid; place-items: center; margin: 0 auto 14px; }
.done-thanks { font-size: 16px; margin: 0 0 10px; }
.done-help { font-size: 13px; color: var(--muted); margin: 0 0 20px; line-height: 1.45; }
.demo-link { margin: 16px 0 0; font-size: 12px; color: var(--muted); }
.demo-link a { color: #12506b; font-weight: 700; }
`;

// Plain ES2017 in a string: no template literals inside, so that none of it is read as TypeScript.
const SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('chat-data').textContent);
  var users = {};
  data.users.forEach(function (u) { users[u.id] = u; });
  var state = { me: data.personas[0].id, selected: {}, reported: {}, search: '' };
  var target = null;

  var dialog = document.getElementById('report-dialog');
  var form = document.getElementById('report-form');
  var submit = document.getElementById('report-submit');
  var comment = document.getElementById('report-comment');
  var errorBox = document.getElementById('report-error');

  function h(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      var value = props[key];
      if (value === undefined || value === null || value === false) return;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else if (key === 'background') node.style.background = value;
      else if (key.slice(0, 2) === 'on') node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : String(value));
    });
    (children || []).forEach(function (child) {
      if (child) node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function icon(paths) {
    var svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 24 24'); svg.setAttribute('width', '13'); svg.setAttribute('height', '13');
    svg.setAttribute('fill', 'none'); svg.setAttribute('stroke', 'currentColor'); svg.setAttribute('stroke-width', '2.2');
    svg.setAttribute('stroke-linecap', 'round'); svg.setAttribute('stroke-linejoin', 'round'); svg.setAttribute('aria-hidden', 'true');
    paths.forEach(function (d) {
      var path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
      path.setAttribute('d', d); svg.appendChild(path);
    });
    return svg;
  }
  var FLAG = ['M5 21V4', 'M5 4h11l-2 4 2 4H5'];

  var PALETTE = ['#ff7a59', '#7c5cff', '#1fb5a3', '#f5a623', '#e8578a', '#3d8bfd'];
  function avatar(user, size) {
    var sum = 0;
    for (var i = 0; i < user.id.length; i++) sum = (sum * 31 + user.id.charCodeAt(i)) % 997;
    var initials = user.displayName.split(' ').map(function (p) { return p.charAt(0); }).join('').slice(0, 2);
    return h('span', { class: 'avatar' + (size ? ' avatar-' + size : ''), background: PALETTE[sum % PALETTE.length], 'aria-hidden': 'true', text: initials });
  }

  var clock = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit' });
  var longDay = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long' });
  var shortDay = new Intl.DateTimeFormat('fr-FR', { weekday: 'short' });
  function daysAgo(date) {
    var then = new Date(date); then.setHours(0, 0, 0, 0);
    var today = new Date(); today.setHours(0, 0, 0, 0);
    return Math.round((today - then) / 86400000);
  }
  function dayLabel(date) {
    var d = daysAgo(date);
    if (d === 0) return 'Aujourd’hui';
    if (d === 1) return 'Hier';
    var text = longDay.format(date);
    return text.charAt(0).toUpperCase() + text.slice(1);
  }
  function listTime(date) {
    var d = daysAgo(date);
    return d === 0 ? clock.format(date) : d === 1 ? 'Hier' : shortDay.format(date);
  }

  function last(c) { return c.messages[c.messages.length - 1]; }
  function partner(c) { return users[c.participants[0] === state.me ? c.participants[1] : c.participants[0]]; }
  function kindLabel(u) { return u.kind === 'expert' ? 'Expert' : 'Explorer'; }
  function mine() {
    return data.conversations
      .filter(function (c) { return c.participants.indexOf(state.me) >= 0; })
      .sort(function (a, b) { return last(b).sentAt.localeCompare(last(a).sentAt); });
  }

  function render() {
    var switcher = document.getElementById('persona-switch');
    switcher.replaceChildren.apply(switcher, data.personas.map(function (p) {
      return h('button', { type: 'button', 'aria-pressed': String(p.id === state.me), onclick: function () { state.me = p.id; render(); } }, [p.label]);
    }));
    document.getElementById('me-avatar').replaceChildren(avatar(users[state.me], 'xs'));

    var list = mine();
    if (!list.some(function (c) { return c.id === state.selected[state.me]; })) state.selected[state.me] = list[0].id;
    renderList(list);
    renderChat(list.filter(function (c) { return c.id === state.selected[state.me]; })[0]);
  }

  function renderList(list) {
    var query = state.search.trim().toLowerCase();
    var items = list
      .filter(function (c) { return !query || partner(c).displayName.toLowerCase().indexOf(query) >= 0; })
      .map(function (c) {
        var other = partner(c);
        var lastMessage = last(c);
        var selected = c.id === state.selected[state.me];
        var preview = (lastMessage.authorId === state.me ? 'Vous : ' : '') + lastMessage.body;
        return h('li', null, [
          h('button', {
            type: 'button', class: 'conversation' + (selected ? ' is-selected' : ''), 'aria-current': selected ? 'true' : null,
            'data-conversation-id': c.id, onclick: function () { state.selected[state.me] = c.id; render(); },
          }, [
            avatar(other),
            h('span', { class: 'conversation-main' }, [
              h('span', { class: 'conversation-top' }, [
                h('span', { class: 'conversation-name', text: other.displayName }),
                h('time', { class: 'conversation-time', datetime: lastMessage.sentAt, text: listTime(new Date(lastMessage.sentAt)) }),
              ]),
              h('span', { class: 'conversation-preview', text: preview }),
            ]),
          ]),
        ]);
      });
    var ul = document.getElementById('conversation-list');
    ul.replaceChildren.apply(ul, items);
  }

  function renderChat(c) {
    var other = partner(c);
    var header = document.getElementById('chat-header');
    header.replaceChildren(avatar(other), h('div', null, [
      h('h2', { class: 'chat-title', id: 'chat-title', text: other.displayName }),
      h('p', { class: 'chat-subtitle' }, [h('span', { class: 'kind kind-' + other.kind, text: kindLabel(other) }), other.headline]),
    ]));

    var rows = [];
    var lastDay = null;
    c.messages.forEach(function (m, i) {
      var date = new Date(m.sentAt);
      var day = dayLabel(date);
      if (day !== lastDay) rows.push(h('li', { class: 'day', text: day }));
      var grouped = day === lastDay && c.messages[i - 1].authorId === m.authorId;
      lastDay = day;
      var fromMe = m.authorId === state.me;
      var meta = [h('time', { datetime: m.sentAt, text: clock.format(date) })];
      if (!fromMe) {
        meta.push(state.reported[m.id]
          ? h('span', { class: 'reported-tag' }, [icon(FLAG), 'Signalé'])
          : h('button', { type: 'button', class: 'report-action', 'aria-label': 'Signaler ce message de ' + other.displayName, onclick: function () { openReport(c, m); } }, [icon(FLAG), 'Signaler']));
      }
      rows.push(h('li', { class: 'message ' + (fromMe ? 'from-me' : 'from-them') + (grouped ? ' grouped' : ''), 'data-message-id': m.id }, [
        fromMe ? null : grouped ? h('span', { class: 'avatar-spacer' }) : avatar(other, 'sm'),
        h('div', { class: 'message-body' }, [h('p', { class: 'bubble', text: m.body }), h('div', { class: 'meta' }, meta)]),
      ]));
    });
    var ol = document.getElementById('messages');
    ol.replaceChildren.apply(ol, rows);
    ol.scrollTop = ol.scrollHeight;
  }

  function selectedCategory() {
    var checked = form.querySelector('input[name=category]:checked');
    return checked ? checked.value : null;
  }

  function openReport(c, m) {
    target = { conversation: c, message: m, reporterId: state.me };
    form.reset();
    document.getElementById('report-step-form').hidden = false;
    document.getElementById('report-step-done').hidden = true;
    document.getElementById('report-quote-author').textContent = users[m.authorId].displayName;
    document.getElementById('report-quote-text').textContent = m.body;
    document.getElementById('report-reported-name').textContent = users[m.authorId].displayName.split(' ')[0];
    document.getElementById('report-help').hidden = users[state.me].kind !== 'explorer';
    errorBox.hidden = true;
    submit.disabled = true;
    submit.textContent = 'Envoyer le signalement';
    dialog.showModal();
  }

  async function sendReport() {
    var category = selectedCategory();
    if (!target || !category) return;
    submit.disabled = true;
    submit.textContent = 'Envoi…';
    errorBox.hidden = true;
    try {
      var response = await fetch('/api/report', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          conversationId: target.conversation.id, messageId: target.message.id,
          category: category, comment: comment.value, reporterId: target.reporterId,
        }),
      });
      var body = await response.json().catch(function () { return {}; });
      if (!response.ok) throw new Error(body.message || 'Le signalement n’a pas pu être envoyé. Réessayez dans un instant.');
      state.reported[target.message.id] = true;
      document.getElementById('vigie-link').href = data.vigieUrl + '/#/cases/' + encodeURIComponent(body.caseId) + '/show';
      document.getElementById('report-step-form').hidden = true;
      document.getElementById('report-step-done').hidden = false;
      render();
    } catch (error) {
      errorBox.textContent = error instanceof TypeError ? 'Le simulateur ne répond pas. Réessayez dans un instant.' : error.message;
      errorBox.hidden = false;
      submit.disabled = false;
      submit.textContent = 'Envoyer le signalement';
    }
  }

  var grid = document.getElementById('report-categories');
  grid.replaceChildren.apply(grid, data.categories.map(function (c) {
    return h('label', { class: 'category' }, [h('input', { type: 'radio', name: 'category', value: c.id }), h('span', { text: c.label })]);
  }));
  form.addEventListener('change', function () { submit.disabled = !selectedCategory(); });
  form.addEventListener('submit', function (event) { event.preventDefault(); sendReport(); });
  dialog.querySelectorAll('[data-close]').forEach(function (button) { button.addEventListener('click', function () { dialog.close(); }); });
  document.getElementById('search').addEventListener('input', function (event) { state.search = event.target.value; renderList(mine()); });
  document.getElementById('vigie-url').textContent = data.vigieUrl;
  render();
})();
`;
