// English, available on every screen. Same keys as French (the type checker holds them together).
import type { Messages } from './messages.ts';

export const en: Messages = {
  app: {
    title: 'Pix certification',
    language: { switchTo: 'Français', switchLabel: 'Afficher les écrans en français' },
  },
  common: {
    cancel: 'Cancel',
    close: 'Close',
    back: 'Back',
    loading: 'Loading…',
    askInvigilator: 'Raise your hand: the invigilator will come and help you.',
  },
  stationError: {
    ILLEGAL_TRANSITION:
      'The station has already moved on to another step: this action is no longer possible. If the screen does not change, tell the invigilator.',
    STATION_NOT_READY: 'This station is not ready yet. Tell the invigilator.',
    SERVER_UNREACHABLE:
      'The station cannot reach the certification server. Try again in a moment; if it goes on, tell the invigilator.',
    STORAGE_FAILED:
      'The station could not store your request. Try again; if it goes on, tell the invigilator.',
    other: 'The station ran into a problem. Try again; if it goes on, tell the invigilator.',
  },
  duration: {
    hoursMinutes: '{{hours}} h {{minutes}} min',
    hours: '{{hours}} h',
    minutes: '{{minutes}} min',
    lessThanMinute: 'less than a minute',
    seconds: '{{seconds}} s',
    minutesSeconds: '{{minutes}} min {{seconds}} s',
  },
  connection: {
    offline: 'Offline',
    situation: {
      beforeJoining: 'You can sign in as soon as the connection is back.',
      waitingForInvigilator: 'The invigilator’s go-ahead will arrive when the connection is back.',
      testGoesOn: 'Your answers stay stored on this station. The test goes on as usual.',
      questionFrozen:
        'Question blocked by your report: raise your hand. The invigilator’s decision will arrive when the connection is back.',
      reportNotSent: 'Question blocked by your report: raise your hand, or cancel it to go on.',
      pauseWaits: 'The end of the pause will arrive when the connection is back. Stay in your seat.',
      resultKept: 'Your result stays on this station and will be sent when the connection is back.',
      resultSent: 'Your result has already been sent: there is nothing to do.',
    },
    backOnline: 'The connection to the server is back.',
    wentOffline: 'Connection to the server lost. {{detail}}',
  },
  home: {
    starting: 'Starting the station…',
    noStation: 'This page must be opened in the certification station app.',
    stationLabel: 'Station',
    centreLabel: 'Centre',
    centreUnknown: 'not linked to a centre yet',
    serverLabel: 'Certification server',
    serverOnline: 'connected',
    serverOffline: 'not reachable for now (the station keeps trying)',
    readyTitle: 'This station is ready.',
    readyNext: 'When the invigilator tells you to, start your certification.',
    start: 'Start my certification',
    notReadyTitle: 'This station is not ready yet.',
    notReadyReason: {
      enrolling:
        'This station is enrolling with the certification server: this may take a minute when the network has just started.',
      notEnrolled: 'This station is not enrolled with the certification server yet.',
      closedByInvigilator: 'The invigilator closed this station.',
      stationFault: 'This station has a technical problem: it cannot welcome a candidate.',
      stationRevoked:
        'The certification server no longer accepts this station (unknown or removed): it must be enrolled again.',
      other: 'This station must be checked before it welcomes a candidate.',
    },
    notReadyNext: 'Tell the invigilator. This message goes away by itself when the station is ready.',
    notReadyNextBy: {
      notEnrolled: 'Tell the invigilator. The Pix referent or the IT department must enroll this station.',
      stationRevoked:
        'Tell the invigilator. This message will not go away by itself: the Pix referent or the IT department must enroll this station again.',
    },
    unavailableFault: 'The station ran into a problem while starting: it keeps trying by itself.',
    offlineNext:
      'The station cannot reach the certification server. You cannot sign in while this message is shown. Tell the invigilator if it stays for more than a minute.',
    movedTitle: 'This test goes on at another station',
    movedBody:
      "{{name}}'s test resumed at another station: it is finished there, not on this one. The answers given here are kept for the jury.",
    movedNext: 'Nothing to do on this station. If in doubt, ask the invigilator.',
    movedAnnounce: 'This test goes on at another station. Nothing to do on this station.',
  },
  signIn: {
    title: 'Sign in to the session',
    intro:
      'Copy the session number and the access code the invigilator gave you, then write your last name, first name and date of birth.',
    required: 'Every field is required.',
    sessionGroup: 'Your session',
    sessionNumber: 'Session number',
    sessionNumberHint: 'Digits only, for example 12345.',
    accessCode: 'Access code',
    accessCodeHint: '4 letters then 2 digits, for example BCDF23.',
    identityGroup: 'You',
    lastName: 'Last name',
    firstName: 'First name',
    birthdate: 'Date of birth',
    birthdateHint: 'For example 02 04 2011 for 2 April 2011 (day, month, year).',
    day: 'Day',
    month: 'Month',
    year: 'Year',
    submit: 'Sign in',
    submitting: 'Signing in…',
    errorSummary: 'Signing in did not work. Fix what is shown, then try again.',
    errors: {
      sessionNumberMissing: 'Write the session number.',
      sessionNumberFormat: 'The session number has digits only.',
      accessCodeMissing: 'Write the access code.',
      accessCodeFormat: 'The access code has 4 letters then 2 digits, for example BCDF23.',
      lastNameMissing: 'Write your last name.',
      firstNameMissing: 'Write your first name.',
      birthdateMissing: 'Write your date of birth: day, month and year.',
      birthdateInvalid: 'This date does not exist. Check the day, the month and the year (4 digits).',
      SESSION_NOT_FOUND: 'No session has this number. Check it with the invigilator.',
      SESSION_CLOSED: 'This session is over: nobody can join it any more. Tell the invigilator.',
      WRONG_ACCESS_CODE: 'This access code does not match the session. Check it with the invigilator.',
      NO_MATCHING_CANDIDATE:
        'No candidate of this session has this last name, first name and date of birth. Check the spelling and the date. If everything is right, tell the invigilator.',
      SEVERAL_MATCHING_CANDIDATES:
        'Several candidates of this session match this information. Tell the invigilator: they will help you sign in.',
      NOT_CERTIFIABLE:
        'You cannot sit this certification: you need at least 5 competences validated at level 1 on Pix. Tell the invigilator.',
      CANDIDATE_ALREADY_STARTED:
        'You have already started this test (maybe at another station). Tell the invigilator.',
      SERVER_UNREACHABLE:
        'The station cannot reach the certification server. Try again in a moment; if it goes on, tell the invigilator.',
      STATION_NOT_READY: 'This station is not ready yet. Tell the invigilator.',
      TOO_MANY_ATTEMPTS:
        'Too many tries at this station: signing in is blocked for a few minutes. Do not try again: tell the invigilator, they will check your details with you.',
      INVALID_REQUEST: 'Some information is not valid. Check it, then try again.',
      other: 'The station ran into a problem. Try again; if it goes on, tell the invigilator.',
    },
  },
  instructions: {
    title: 'Before you start',
    hello: 'Hello {{firstName}} {{lastName}}.',
    session: 'Session {{number}} · {{centre}} · {{room}}',
    notYou: 'Not you? Back to the start',
    rulesTitle: 'The rules',
    duration: 'The test lasts {{duration}}.',
    durationExtra: 'The test lasts {{duration}}, including your extra time.',
    oneByOne: 'Questions come one at a time. You cannot go back to a question you have validated.',
    skip: 'If you do not know the answer, click “Skip”.',
    browser: 'Some questions ask you to search the web: use the browser shown next to the question.',
    special:
      'Some questions are timed, others ask you to stay on the question (focus mode): a message on the question tells you.',
    problem:
      'If a question does not work (image, file, website…), click “Report a problem”: the invigilator will come.',
    stored: 'Every answer you validate is stored on this station, even if the network is down.',
    results: 'You will not get your result at the end of the test: it is published later.',
    honesty: 'Talking to others or using a phone or any other device is not allowed.',
    accept: 'I have read these rules and I will follow them.',
    acceptMissing: 'Tick the box to confirm you have read the rules.',
    continue: 'Continue',
  },
  waiting: {
    title: 'Waiting for the invigilator',
    body: 'The invigilator will check who you are, then start your test.',
    next: 'Stay in your seat: the test will start by itself on this screen.',
    notYou: 'Not you? Back to the start',
  },
  preparation: {
    title: 'Getting your test ready',
    started: 'The invigilator started your test: getting it ready…',
    resumed: 'The invigilator let you continue: getting your test ready…',
    resumeNext: 'Stay in your seat: the test will start again by itself on this screen.',
    retrying:
      'The test is not reaching this station yet: the station keeps trying. Raise your hand to tell the invigilator.',
  },
  closed: {
    title: 'This station is closed',
    body: 'The invigilator closed this station from their screen. There is nothing more to do here.',
  },
  resume: {
    title: 'Your test was interrupted',
    reassure: 'Do not worry: your answers are stored and the time of the interruption is not counted.',
    next: 'Raise your hand and ask the invigilator to let you continue. The test will start again by itself at question {{question}}.',
    nextUnknown:
      'Raise your hand and ask the invigilator to let you continue. The test will start again by itself, where you were.',
    timeLeft: 'Time left: {{time}}',
    announce: 'Test interrupted. Ask the invigilator to let you continue.',
  },
  paused: {
    invigilatorTitle: 'Test paused',
    invigilatorBody: 'The invigilator paused your test. The time is stopped: you lose no time.',
    invigilatorNext:
      'Stay in your seat: the test will go on by itself, where you were, when the invigilator ends the pause.',
    lockdownTitle: 'Station locked',
    lockdownBody: '{{reason}} The time is stopped: you lose no time.',
    lockReason: {
      displayAdded: 'Another screen was plugged into the computer.',
      lockScreen: 'The computer was locked.',
      suspend: 'The computer went to sleep.',
      rendererCrashed: 'The test screen stopped several times.',
      forbiddenProcess: 'Software that is not allowed during the certification is open on the computer.',
      other: 'The station detected a problem.',
    },
    lockdownNext: 'Raise your hand: the invigilator must unlock the station.',
    message: 'Message from the invigilator: {{reason}}',
    announce: 'Test paused. The time is stopped.',
  },
  ended: {
    finishedTitle: 'Test finished',
    finishedBody: 'You have gone through every question. Thank you!',
    skipped_one: 'You skipped {{count}} question with “Skip”.',
    skipped_other: 'You skipped {{count}} questions with “Skip”.',
    neutralized_one: '{{count}} question will not count: the invigilator accepted your report.',
    neutralized_other: '{{count}} questions will not count: the invigilator accepted your reports.',
    candidateTitle: 'Test finished',
    candidateBody: 'You have finished your test.',
    timeUpTitle: 'Time is up',
    timeUpBody: 'Your test is over. Every answer validated before the end is stored.',
    invigilatorTitle: 'Test ended by the invigilator',
    invigilatorBody: 'The invigilator ended your test. The answers you already validated are stored.',
    abortedTitle: 'Test stopped',
    abortedBody: 'Your test was stopped. The answers you already validated are stored.',
    sealing: 'Storing your answers…',
    sending: 'Your answers are stored on this station. The result is being sent to the server.',
    sendingNext: 'You have nothing to do: the station will send it by itself, even later.',
    sent: 'Result sent to the certification server.',
    refused:
      'Your answers are safely stored on this station. The server could not accept the result as it is: tell the invigilator, who will deal with it.',
    results: 'Your result will be published later, once the session has been processed.',
    goHome: 'Finish and go back to the start',
    leave: 'You may leave your seat when the invigilator tells you to.',
  },
  test: {
    questionOf: 'Question {{n}} of {{total}}',
    progressLabel: 'Test progress',
    progressValue_one: '{{count}} question done out of {{total}}',
    progressValue_other: '{{count}} questions done out of {{total}}',
    timeLeft: 'Time left',
    timeLeftValue: '{{time}}',
    extraTimeIncluded: 'extra time included',
    loading: 'Loading the question…',
    loadError: {
      body: 'The station could not show the question. Click “Try again”.',
      retry: 'Try again',
      next: 'If the question still does not show, raise your hand.',
    },
    finishing:
      'Your answers are stored. The station is finishing the test… If this goes on, raise your hand.',
    questionRegion: 'Question',
    answerLegend: 'Your answer',
    chooseOne: 'Choose one answer.',
    chooseSeveral: 'Choose one or more answers.',
    fieldDefault: 'Answer {{n}}',
    selectPlaceholder: 'Choose…',
    numberHint: 'Answer with a number, for example 12 or 4.5.',
    validate: 'Validate',
    validating: 'Storing…',
    skip: 'Skip',
    report: 'Report a problem',
    finish: 'Finish my test now',
    stored: 'Answer stored.',
    skippedAnnounce: 'Question skipped.',
    draftSaved: 'Answer in progress saved automatically.',
    errors: {
      chooseOne: 'Choose an answer to validate, or click “Skip”.',
      chooseSeveral: 'Choose at least one answer to validate, or click “Skip”.',
      fillAll: 'Fill in every answer to validate, or click “Skip”.',
      fillOne: 'Write your answer to validate, or click “Skip”.',
      number: 'Write a number, for example 12 or 4.5.',
      STORAGE_FAILED:
        'The answer could not be stored. Try to validate again; if it goes on, tell the invigilator.',
      ALERT_PENDING: 'A problem is reported on this question: wait for the invigilator.',
      other: 'The station ran into a problem. Try again; if it goes on, tell the invigilator.',
    },
    skipDialog: {
      title: 'Skip this question?',
      body: 'You will not be able to come back to this question. It will count as not answered.',
      confirm: 'Yes, skip it',
    },
    reportDialog: {
      title: 'Report a problem?',
      body: 'Use this button if the question does not work: an image that does not show, a file that does not open, a website that cannot be reached…',
      consequence: 'The invigilator will come. Meanwhile the question is blocked.',
      consequenceOffline:
        'No connection: the invigilator will only see your report when the connection is back. Raise your hand to call them. Meanwhile the question is blocked.',
      confirm: 'Report the problem',
    },
    finishDialog: {
      title: 'Finish the test now?',
      body_one:
        'The last question will count as not answered. You will not be able to come back to the test.',
      body_other:
        'The {{count}} remaining questions will count as not answered. You will not be able to come back to the test.',
      confirm: 'Yes, finish my test',
    },
    alert: {
      pendingTitle: 'Problem reported',
      pendingBody:
        'The invigilator has been told and will come to see you. Meanwhile this question is blocked.',
      pendingNext: 'Raise your hand so the invigilator finds you easily.',
      pendingOfflineBody:
        'This station cannot tell the invigilator (no connection): raise your hand to call them. Meanwhile this question is blocked.',
      pendingOfflineNext: 'Your report will be sent by itself as soon as the connection is back.',
      withdrawHint:
        'If you would rather go on without waiting, cancel your report: the question unblocks and you answer it as usual. If the question has a time limit, the wait will then count against it.',
      withdraw: 'Cancel my report',
      withdrawn: 'Report cancelled: you can answer this question.',
      dismissed: 'The invigilator looked at your report: you can answer this question.',
      validated: 'Your report was accepted: the previous question will not count. Here is the next question.',
    },
    timer: {
      label: 'Timed question',
      left: 'Time for this question: {{time}}',
      frozen: 'This time is stopped while the question is on hold: you do not lose it.',
      expired:
        'The time for this question is over. You can still validate your answer, but it will not count as right.',
      expiredExtraTime:
        'You have extra time, but this question’s time is not extended. If it was not enough, click “Report a problem”.',
    },
    focus: {
      label: 'Focus mode question',
      body: 'Stay on this question until you have validated it. The browser is not available for this question.',
      bodyAdjusted:
        'Try to stay on this question until you have validated it. With your adjustment, leaving the question does not change your result.',
      lost: 'You left the question. You can still answer, but your answer will not count as right. If you did not leave it yourself (a window opened by itself), click “Report a problem”.',
      lostAdjusted: 'You left the question. With your adjustment, your answer will count as usual.',
    },
    warning: {
      m15: '{{time}} left.',
      m5: '{{time}} left. Remember to validate your answer.',
      under15: 'Less than 15 minutes left.',
      under5: 'Less than 5 minutes left. Remember to validate your answer.',
      dismiss: 'Hide this message',
    },
    attachments: {
      title: 'Files for this question',
      open: 'Open {{name}}',
      kind: {
        pdf: 'PDF document',
        image: 'image',
        text: 'text',
        csv: 'table',
        spreadsheet: 'spreadsheet',
        document: 'text document',
      },
      opening: 'Opening the file…',
      failed: 'This file does not open. You can click “Report a problem”.',
      viewerTitle: 'File: {{name}}',
      pdfFallback: 'If the document does not show, close this window and click “Report a problem”.',
      csvCaption: 'Content of the table {{name}}',
      empty: 'This file is empty.',
      image: 'Attached image: {{name}}',
      size: { bytes: '{{n}} B', kb: '{{n}} KB', mb: '{{n}} MB' },
      fileBadge: 'FILE',
      unreadable:
        'This file cannot be read: it may be damaged or protected by a password. Close this window and click “Report a problem”.',
      sheet: {
        tabs: 'Sheets of the workbook',
        grid: 'Sheet “{{name}}”',
        corner: 'Rows and columns',
        hint: 'Read only. Move with the arrow keys. To add up cells, select them with Shift + arrows or Shift + click: their sum shows at the bottom.',
        empty: 'This sheet is empty.',
        allHidden: 'Every row or column of this sheet is hidden in the file.',
        cut: 'This sheet is very large: only rows 1 to {{rows}} and columns A to {{lastColumn}} are shown.',
        status: 'Selection',
        cell: 'Cell {{address}}',
        formula: 'Formula: {{formula}}',
        value: 'Value: {{value}}',
        emptyCell: 'Empty cell',
        /** Shown after a formula the file holds without its result (the station computes nothing). */
        uncalculated: '(not calculated)',
        notCalculated: 'Value: not calculated (the file does not hold the formula’s result)',
        range: 'Cells {{range}} ({{cells}} cells)',
        widened: 'Selection widened to include whole merged cells',
        sum: 'Sum: {{value}}',
        average: 'Average: {{value}}',
        count: 'Count: {{value}}',
        noNumbers: 'No numbers in the selection.',
        announceRange: '{{range}} selected. Sum: {{sum}}. Average: {{average}}. Count: {{numbers}}.',
        announceRangeNoNumbers: '{{range}} selected. No numbers.',
      },
      document: {
        label: 'Content of the document {{name}}',
        table: 'Table {{n}} of the document',
        imageNoAlt: 'Image in the document (no description)',
        missingImage: '(image not shown: {{alt}})',
        missingImageNoAlt: '(image not shown)',
        missingImages_one:
          'An image of this document is not shown. If you need it to answer, close this window and click “Report a problem”.',
        missingImages_other:
          '{{count}} images of this document are not shown. If you need one of them to answer, close this window and click “Report a problem”.',
        missingImagesReported_one:
          'An image of this document is not shown. You have reported a problem: when the invigilator comes to see you, tell them if you need it to answer.',
        missingImagesReported_other:
          '{{count}} images of this document are not shown. You have reported a problem: when the invigilator comes to see you, tell them if you need one of them to answer.',
        truncated: 'This document is very long: the end is not shown.',
      },
    },
    /** A spreadsheet or document downloaded in the challenge browser, in its viewer (downloaded-file.tsx). */
    downloaded: {
      title: 'Downloaded file: {{name}}',
      open: 'Open the file',
      notice:
        'This file was downloaded from the web page in the browser. It is read-only: you can look at it, but not change it.',
      unreadable:
        'This file cannot be read on this station. Look on the page for another version, for example a PDF.',
    },
    embed: {
      title: 'Simulator',
      filled: 'The simulator filled in your answer.',
    },
    illustrationMissing:
      'The image of the question does not show. Here is its description; if you need it to answer, click “Report a problem”.',
    illustrationMissingReported:
      'The image of the question does not show. Here is its description. You have reported a problem: when the invigilator comes to see you, tell them if you need it to answer.',
    illustration: 'Illustration',
    imageNotShown: '(image not shown: {{alt}})',
    imageNotShownNoAlt: '(image not shown)',
    imagesNotShown_one:
      'An image of the question is not shown. If you need it to answer, click “Report a problem”.',
    imagesNotShown_other:
      '{{count}} images of the question are not shown. If you need one of them to answer, click “Report a problem”.',
    imagesNotShownReported_one:
      'An image of the question is not shown. You have reported a problem: when the invigilator comes to see you, tell them if you need it to answer.',
    imagesNotShownReported_other:
      '{{count}} images of the question are not shown. You have reported a problem: when the invigilator comes to see you, tell them if you need one of them to answer.',
  },
  browser: {
    region: 'Browser',
    address: 'Address',
    go: 'Go',
    back: 'Previous page',
    forward: 'Next page',
    reload: 'Reload the page',
    home: 'Browser home page',
    loading: 'Loading the page…',
    blocked: 'This page is blocked during the certification: {{url}}',
    blockedNext: 'Go back or use another website.',
    downloadRefused: 'This file cannot be opened on this station: {{fileName}}',
    unnamedFile: 'file with no name',
    downloadRefusedType:
      'This station opens: PDFs, images, text files, CSV files, spreadsheets .xlsx .xls .ods and documents .docx .odt. You can carry on with this page.',
    downloadRefusedSize: 'It is too big for this station. You can carry on with this page.',
    downloadRefusedQuota:
      'Too many files have been downloaded during this test: this one is not saved. You can carry on with this page.',
    downloadRefusedOldWord:
      'Old Word files (.doc) do not open here: look on the page for a .docx, .odt or PDF version.',
    downloadRefusedMacroOrTemplate:
      'Office files with macros and templates (.xlsm, .docm, .xltx, .dotx) do not open here: look on the page for an .xlsx, .docx, .ods, .odt or PDF version.',
    closeNotice: 'Close',
    hide: 'Hide the browser',
    show: 'Show the browser',
    viewArea: 'Page shown: {{title}}',
    /** A downloaded file (its saved copy) shown in the browser's page. */
    fileShown: 'File shown: {{name}}',
    noPage: 'No page open',
    failed: 'The page could not open. Check the address or try again.',
    enterPage: 'Go into the page',
    keyboardHint: 'F6 key: go into the page, then back to the browser buttons.',
  },
};
