/**
 * Rackspace Cloud Backup API v1.0 on the wire (docs/dialects/rackspace-v1.md). The reference service validates
 * requests and the console's adapter parses answers with these same schemas.
 *
 * Wire habits: ids are integers (tables say "String"; requests may send numbers or numeric strings),
 * dates are Microsoft JSON dates `"\/Date(1357817400000)\/"`, sizes are human strings ("35.3 MB").
 *
 * Errors (undocumented by the vendor; our choice): Rackspace's usual fault form
 * `{"badRequest": {"code": 400, "message": "...", "details": ""}}` with the fault names of
 * `FAULT_NAMES` in ../contract/error-bodies.ts (badRequest, unauthorized, forbidden, itemNotFound, conflict,
 * overLimit, instanceFault, serviceUnavailable). Parse with `faultSchema` / `faultMessage`.
 *
 * Encrypted vaults: `EncryptedPassword` of a restore start carries the vault password either plain or
 * hex-encoded (the demo's vault password is "demo-vault", hex "64656d6f2d7661756c74"). A wrong or
 * missing password for an encrypted backup is refused with 400 badRequest and a message; nothing runs.
 */

export { faultSchema, faultMessage, FAULT_NAMES, type Fault, type FaultName } from '../contract/error-bodies';
export * from './wire-format';
export * from './wire-objects';
export * from './wire-requests';
