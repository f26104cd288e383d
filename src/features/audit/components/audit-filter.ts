import type { AuditFilters, AuditOutcome } from '../../../api/console-admin';
import { AUDIT_OUTCOMES } from '../../../api/console-admin';
import { ACTIONS } from '../../../api/contract/roles';

/** The console's own actions in the audit log (server/console/http.ts), then the contract's. */
export const CONSOLE_ACTIONS = [
  'sign-in',
  'sign-out',
  'user.add',
  'user.role',
  'user.disable',
  'user.enable',
  'user.password',
  'user.change',
  'cross-site',
  'request',
] as const;
export const AUDIT_ACTIONS: readonly string[] = [...CONSOLE_ACTIONS, ...ACTIONS];

/** The Audit page's view, in the URL: every filter the API takes, '' when not set. */
export interface AuditView {
  person: string;
  action: string;
  connection: string;
  outcome: AuditOutcome | '';
  /** ISO 8601 (UTC). */
  from: string;
  to: string;
}

export const EMPTY_AUDIT_VIEW: AuditView = {
  person: '',
  action: '',
  connection: '',
  outcome: '',
  from: '',
  to: '',
};

const isoOrEmpty = (value: string | null): string => {
  if (!value) return '';
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? '' : new Date(ms).toISOString();
};

/** A value the page does not know (an action, an outcome, a time that is none) reads as no filter. */
export function readAuditView(params: URLSearchParams): AuditView {
  const action = params.get('action') ?? '';
  const outcome = params.get('outcome') ?? '';
  return {
    person: params.get('person')?.trim() ?? '',
    action: AUDIT_ACTIONS.includes(action) ? action : '',
    connection: params.get('connection')?.trim() ?? '',
    outcome: (AUDIT_OUTCOMES as readonly string[]).includes(outcome) ? (outcome as AuditOutcome) : '',
    from: isoOrEmpty(params.get('from')),
    to: isoOrEmpty(params.get('to')),
  };
}

export function writeAuditView(params: URLSearchParams, change: Partial<AuditView>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [name, value] of Object.entries(change) as [keyof AuditView, string][]) {
    if (value.trim() === '') next.delete(name);
    else next.set(name, value.trim());
  }
  return next;
}

/** What the API is asked for: the filters that are set. */
export function auditFilters(view: AuditView): AuditFilters {
  const filters: AuditFilters = {};
  if (view.person) filters.person = view.person;
  if (view.action) filters.action = view.action;
  if (view.connection) filters.connection = view.connection;
  if (view.outcome) filters.outcome = view.outcome;
  if (view.from) filters.from = view.from;
  if (view.to) filters.to = view.to;
  return filters;
}

export function hasAuditFilter(view: AuditView): boolean {
  return Object.values(view).some((v) => v !== '');
}

const two = (n: number) => String(n).padStart(2, '0');

/** An ISO time as a datetime-local input shows it: the viewer's own zone, to the minute. */
export function toLocalInput(iso: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** A datetime-local value (the viewer's zone) as an ISO time; '' when empty or not a time. */
export function fromLocalInput(value: string): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}
