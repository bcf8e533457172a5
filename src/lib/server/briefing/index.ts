/** The briefing of each article (figures, who and what, summaries), the library search and the feed. */
export { articleBriefing, entitiesOf, figuresOf, publishedLibrary, type Briefing } from './briefing';
export { librarySearch, articleDocs } from './search';
export { briefingContent, rateFor } from './content';
export { correctFigure, reviewSummary, figureCorrections, summaryReviews } from './store';
export { requireEditor, isEditor } from './editor';
