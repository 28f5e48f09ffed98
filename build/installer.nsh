; Station installer additions (electron-builder nsis.include).
;
; electron-builder's default "app running" check closes the running app, and does so without asking in
; a silent install (/S): on an exam station that would end a candidate's test. This check never closes
; the station. Silent install: it stops with exit code 5 ("station open, try again later"), so the
; deployment tool retries when the room is free. Interactive install: it asks to close the station first
; (with the invigilator's code, between two candidates) and offers to try again.
!macro customCheckAppRunning
  pixCheckRunning:
    ${nsProcess::FindProcess} "${APP_EXECUTABLE_FILENAME}" $R0
    ${If} $R0 == 0
      IfSilent 0 pixAsk
        DetailPrint "La station Pix est ouverte : installation reportée (code 5)."
        SetErrorLevel 5
        Quit
      pixAsk:
        MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "La station de certification Pix est ouverte sur ce poste.$\r$\n$\r$\nFermez-la entre deux candidats (Ctrl+Alt+Maj+K puis le code surveillant), puis cliquez sur Réessayer. L'installation ne ferme jamais une station ouverte : un test pourrait être en cours." IDRETRY pixCheckRunning
        SetErrorLevel 5
        Quit
    ${EndIf}
    ${nsProcess::Unload}
!macroend
