/**
 * The reader webview: wiring only. It renders the article it is sent (article.ts), keeps its
 * scroll position (scroll.ts), and wires the features: names (entities/), search marks
 * (search.ts), annotations (annotations/), and one keyboard dispatcher (keyboard.ts). State is
 * in state.ts; pure helpers, unit-tested, in lib/.
 */
import { annotationHover } from './annotations/card';
import { closeNoteEditor } from './annotations/editor';
import { installHighlightFocusRing, updateAnnotations } from './annotations/navigation';
import { installSelectionToolbar } from './annotations/toolbar';
import { installAnnouncer } from './announcer';
import { render, renderFailure } from './article';
import { installCaret } from './caret';
import { entityHover, refreshEntityCard } from './entities/card';
import { applySettings } from './entities/legend';
import { installEntityClicks, selectEntity } from './entities/selection';
import { installSpeakerClicks } from './quotes';
import { installKeyboard } from './keyboard';
import { sortedRanges } from './lib/ranges';
import { annotationCard, entityCard, noteEditor, selectionToolbar } from './overlays';
import { type HostMessage, isReaderState, parseHostMessage, type TextRange } from './protocol';
import { installScrollSaving, restoreScroll, scrollFraction } from './scroll';
import { reveal } from './search';
import { host, state } from './state';

function receive(message: HostMessage): void {
  switch (message.type) {
    case 'didLoadArticle': {
      const sameArticle = state.shown?.uri === message.article.uri;
      const keep = sameArticle ? scrollFraction() : 0;
      const keepSelection = sameArticle ? state.selected : undefined;
      applySettings(message.settings);
      // Marks come with the message; an article reloaded after an edit has none (the old ones would be misplaced).
      state.marks = sortedRanges(message.marks ?? []);
      render(message.article);
      if (keepSelection && message.article.entities[keepSelection]) selectEntity(keepSelection, { scroll: false });
      const target = message.annotationId ? { id: message.annotationId, openNote: message.openNote ?? false } : undefined;
      if (message.reveal) requestAnimationFrame(() => reveal(message.reveal as TextRange, target));
      else restoreScroll(message.scroll ?? keep);
      break;
    }
    case 'didUpdateAnnotations':
      if (state.shown?.uri === message.uri) updateAnnotations(message.annotations);
      break;
    case 'didReveal':
      if (state.shown?.uri !== message.uri) break;
      if (message.marks) {
        // New search matches in the article shown: render it again with them.
        state.marks = sortedRanges(message.marks);
        render(state.shown);
      }
      reveal(message.range, message.annotationId ? { id: message.annotationId, openNote: message.openNote ?? false } : undefined);
      break;
    case 'didUpdateEntities':
      if (state.shown?.uri !== message.uri) break;
      if (message.mentions) {
        // Names to colour otherwise (the corpus typed a rule-found name otherwise): drawn again where the reader was.
        const keep = scrollFraction();
        const keepEntity = state.selected;
        entityHover.hide();
        render({ ...state.shown, entities: message.entities, mentions: message.mentions });
        if (keepEntity && message.entities[keepEntity]) selectEntity(keepEntity, { scroll: false });
        restoreScroll(keep);
      } else {
        state.shown = { ...state.shown, entities: message.entities };
        refreshEntityCard();
      }
      break;
    case 'didChangeSettings': {
      const keep = scrollFraction();
      applySettings(message.settings, true);
      restoreScroll(keep);
      break;
    }
    case 'didFailToLoad':
      state.shown = undefined;
      renderFailure(message.fileName, message.reason);
      break;
  }
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseHostMessage(event.data);
  if (!message) {
    console.warn('Annotated Reader: ignored a malformed message', event.data);
    return;
  }
  receive(message);
});
installScrollSaving();

// The pointer and focus open cards; a click on a name marks its mentions.
entityHover.install();
installEntityClicks();
installSpeakerClicks();
annotationHover.install();
installHighlightFocusRing();

// A new selection starts: cards would lie over the text being selected.
document.addEventListener('mousedown', (event) => {
  const target = event.target as Node;
  if ([entityCard, annotationCard, selectionToolbar, noteEditor].some((overlay) => overlay.contains(target))) return;
  entityHover.hide();
  annotationHover.hide();
  if (!noteEditor.hidden) closeNoteEditor();
});
installSelectionToolbar();
installCaret();
installKeyboard();
installAnnouncer();

const saved = host.getState();
host.postMessage({ type: 'webviewDidLoad', state: isReaderState(saved) ? saved : undefined });
