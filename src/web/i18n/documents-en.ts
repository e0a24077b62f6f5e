// English for meeting documents, typed as the Chinese resource so a missing or extra key fails tsc.
import type documentsZhCN from './documents-zh-CN.js';

const documentsEn: typeof documentsZhCN = {
  documents: {
    kinds: {
      power_of_attorney: 'Power of attorney',
      legal_aid_letter: 'Legal-aid letter',
      firm_letter: 'Law firm’s letter',
      permission_decision: 'Permission decision',
    },
    requirements: {
      authority: 'power of attorney or legal-aid letter',
      firm_letter: 'law firm’s letter',
    },
    step: {
      title: 'Documents',
      intro:
        'A meeting needs a power of attorney or a legal-aid letter, and your law firm’s letter (Criminal Procedure Law, art. 39). Documents you uploaded for this client before are already chosen; you can use them, or take a photo or choose a file to upload new ones.',
      onFile: 'On file',
      noneOnFile: 'No {{requirement}} uploaded yet',
      choose: 'The {{requirement}} to use this time',
      uploadNew: 'Upload a new {{requirement}}',
      kindLegend: 'Type of document',
      fileMeta: 'Uploaded {{date}} · {{size}}',
      view: 'View',
      missing: 'Still needed: {{list}}. Upload or choose it to continue.',
      originals: 'On the day, bring the originals of these documents; the centre checks them.',
      clientProblem: 'Documents could not be looked up for this client',
    },
    upload: {
      takePhoto: 'Take a photo',
      chooseFile: 'Choose a file',
      help: 'A JPEG or PNG photo, or a PDF, of 10 MB at most',
      uploading: 'Uploading {{name}}',
      progressLabel: 'Upload progress of {{name}}',
      done: 'Uploaded {{name}}',
      size: '“{{name}}” is larger than 10 MB; compress it or split it into pages and upload again.',
      type: '“{{name}}” is not a JPEG, PNG or PDF file.',
      empty: '“{{name}}” is empty.',
      unreadable: '“{{name}}” could not be read; choose it again.',
    },
    check: {
      documents: 'Documents',
    },
    permission: {
      title: 'Investigating organ’s permission',
      waiting:
        'This case needs the investigating organ’s permission before a meeting. Upload the permission decision; the booking stands once the centre confirms it.',
      uploaded: 'Permission decision uploaded; waiting for the centre to confirm it.',
      upload: 'Upload the permission decision',
      files: 'Permission decisions uploaded',
      principalOnly:
        'This case needs the investigating organ’s permission before a meeting; the lawyer uploads the permission decision themself.',
    },
  },
  permissionQueue: {
    title: 'Awaiting permission',
    intro:
      'During the investigation of a national-security or terrorism case, a lawyer’s meeting needs the investigating organ’s permission. Check the permission decision the lawyer uploaded, then confirm; if you refuse, give the reason: the lawyer is told and the place is freed.',
    empty: 'No bookings are waiting for a permission',
    time: 'Meeting time',
    client: 'Detainee',
    lawyers: 'Lawyers',
    documents: 'Documents',
    decision: 'Permission decision',
    actions: 'Actions',
    noDecision: 'Not uploaded yet',
    hasDecision: 'Uploaded',
    passed: 'The meeting time has passed without a confirmed permission: this meeting cannot go ahead.',
    confirm: 'Confirm permission',
    confirmTitle: 'Confirm the permission for {{name}}?',
    confirmBody: 'The booking then stands and the lawyer is told.',
    confirmed: 'Permission confirmed; the booking stands',
    refuse: 'Refuse',
    refuseTitle: 'Refuse: {{name}}',
    reason: 'Reason (the lawyer reads it)',
    reasonRequired: 'Give a reason of at least 2 characters',
    refused: 'Refused; the booking is cancelled',
    viewer: {
      title: '{{kind}}: {{name}}',
      audit: 'Every view of a document is recorded in the audit log.',
      openPdf: 'Open the PDF in a new tab',
      alt: '{{kind}} of {{name}}',
      sha256: 'SHA-256',
    },
  },
};

export default documentsEn;
