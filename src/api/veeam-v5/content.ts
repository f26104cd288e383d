/**
 * Working inside a restore session — browsing its content, the actions on an item, running them — in
 * one module that the adapter loads the first time a session's content is asked for: most pages (and
 * the Overview, where everyone lands) never browse a session, and this is most of the dialect's code.
 */
export { contentActionsOf } from './content-actions';
export { veeamContentReader } from './content-browse';
export { runVeeamContentAction } from './content-run';
