import type { NamedId } from './msg';

/** The MAPI property ids the saved items use (MS-OXPROPS names, without "PidTag"). */
export const TAG = {
  importance: 0x0017,
  messageClass: 0x001a,
  subject: 0x0037,
  clientSubmitTime: 0x0039,
  sentRepresentingName: 0x0042,
  startDate: 0x0060,
  endDate: 0x0061,
  sentRepresentingAddressType: 0x0064,
  sentRepresentingEmailAddress: 0x0065,
  conversationTopic: 0x0070,
  recipientType: 0x0c15,
  senderName: 0x0c1a,
  senderAddressType: 0x0c1e,
  senderEmailAddress: 0x0c1f,
  displayBcc: 0x0e02,
  displayCc: 0x0e03,
  displayTo: 0x0e04,
  messageDeliveryTime: 0x0e06,
  messageFlags: 0x0e07,
  hasAttachments: 0x0e1b,
  normalizedSubject: 0x0e1d,
  attachSize: 0x0e20,
  attachNumber: 0x0e21,
  objectType: 0x0ffe,
  body: 0x1000,
  internetMessageId: 0x1035,
  rowid: 0x3000,
  displayName: 0x3001,
  addressType: 0x3002,
  emailAddress: 0x3003,
  creationTime: 0x3007,
  lastModificationTime: 0x3008,
  storeSupportMask: 0x340d,
  attachDataBinary: 0x3701,
  attachExtension: 0x3703,
  attachFilename: 0x3704,
  attachMethod: 0x3705,
  attachLongFilename: 0x3707,
  renderingPosition: 0x370b,
  attachMimeTag: 0x370e,
  displayType: 0x3900,
  smtpAddress: 0x39fe,
  givenName: 0x3a06,
  businessTelephoneNumber: 0x3a08,
  homeTelephoneNumber: 0x3a09,
  surname: 0x3a11,
  companyName: 0x3a16,
  title: 0x3a17,
  mobileTelephoneNumber: 0x3a1c,
  businessFaxNumber: 0x3a24,
  businessHomePage: 0x3a51,
  senderSmtpAddress: 0x5d01,
  sentRepresentingSmtpAddress: 0x5d02,
  recipientDisplayName: 0x5ff6,
} as const;

/** Property sets of the named properties (MS-OXPROPS). */
export const PSETID = {
  appointment: '00062002-0000-0000-c000-000000000046',
  task: '00062003-0000-0000-c000-000000000046',
  address: '00062004-0000-0000-c000-000000000046',
  common: '00062008-0000-0000-c000-000000000046',
} as const;

const named = (set: string, lid: number): NamedId => ({ set, lid });

/** The named properties the saved items use (MS-OXPROPS names, without "PidLid"). */
export const LID = {
  fileUnder: named(PSETID.address, 0x8005),
  workAddress: named(PSETID.address, 0x801b),
  instantMessagingAddress: named(PSETID.address, 0x8062),
  email1DisplayName: named(PSETID.address, 0x8080),
  email1AddressType: named(PSETID.address, 0x8082),
  email1EmailAddress: named(PSETID.address, 0x8083),
  taskStatus: named(PSETID.task, 0x8101),
  percentComplete: named(PSETID.task, 0x8102),
  taskStartDate: named(PSETID.task, 0x8104),
  taskDueDate: named(PSETID.task, 0x8105),
  taskComplete: named(PSETID.task, 0x811c),
  taskOwner: named(PSETID.task, 0x811f),
  busyStatus: named(PSETID.appointment, 0x8205),
  location: named(PSETID.appointment, 0x8208),
  appointmentStartWhole: named(PSETID.appointment, 0x820d),
  appointmentEndWhole: named(PSETID.appointment, 0x820e),
  appointmentSubType: named(PSETID.appointment, 0x8215),
  recurring: named(PSETID.appointment, 0x8223),
  reminderSet: named(PSETID.common, 0x8503),
} as const;

/** PidTagMessageFlags bits. */
export const MSGFLAG = { read: 0x1, unsent: 0x8, hasAttach: 0x10 } as const;
/** PidTagStoreSupportMask: strings are Unicode. */
export const STORE_UNICODE_OK = 0x00040000;
