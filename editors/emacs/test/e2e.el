;;; e2e.el --- driven by Tests/editors/test_emacs.py  -*- lexical-binding: t; -*-
;; emacs --batch -l editors/emacs/test/e2e.el
;; Environment: JUESUAN_ROOT, JUESUAN_FILE, JUESUAN_OUT, JUESUAN_PROBES (JSON [[line, needle]…]),
;; JUESUAN_LSP ("1": start eglot), JUESUAN_BIN.
;; Writes JSON: the mode, the faces at the probes, and (with eglot) the flymake diagnostics,
;; a hover and a completion.

(require 'json)
(add-to-list 'load-path (expand-file-name "editors/emacs" (getenv "JUESUAN_ROOT")))
(require 'juesuan-mode)

(defvar e2e-result nil)
(defun e2e-put (key value) (push (cons key value) e2e-result))

(defun e2e-write ()
  (with-temp-file (getenv "JUESUAN_OUT")
    (insert (json-encode e2e-result))))

(defun e2e-goto (line needle &optional add)
  (goto-char (point-min))
  (forward-line (1- line))
  (when (search-forward needle (line-end-position) t)
    (goto-char (+ (match-beginning 0) (or add 0)))
    t))

(defun e2e-faces ()
  (let (faces)
    (dolist (probe (append (json-read-from-string (getenv "JUESUAN_PROBES")) nil))
      (let* ((line (aref probe 0)) (needle (aref probe 1))
             (face (if (e2e-goto line needle) (get-text-property (point) 'face) 'not-found)))
        (push (vector line needle (format "%s" face)) faces)))
    (nreverse faces)))

(defun e2e-wait (predicate seconds)
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall predicate)))

(condition-case err
    (progn
      (find-file (getenv "JUESUAN_FILE"))
      (e2e-put 'mode (symbol-name major-mode))
      (e2e-put 'comment_start comment-start)
      (font-lock-ensure)
      (e2e-put 'faces (vconcat (e2e-faces)))
      (when (equal (getenv "JUESUAN_LSP") "1")
        (require 'eglot)
        (setq juesuan-server-command (list (getenv "JUESUAN_BIN") "lsp"))
        (e2e-put 'eglot_version (or (ignore-errors (package-get-version)) "?"))
        (e2e-put 'registered (if (assoc 'juesuan-mode eglot-server-programs) t :json-false))
        (apply #'eglot (eglot--guess-contact))
        (e2e-put 'server (if (eglot-current-server) t :json-false))
        (e2e-wait (lambda () (flymake-diagnostics)) 30)
        (e2e-put 'diagnostics
                 (vconcat
                  (mapcar (lambda (d)
                            (save-excursion
                              (goto-char (flymake-diagnostic-beg d))
                              (vector (line-number-at-pos) (format "%s" (flymake-diagnostic-type d))
                                      (flymake-diagnostic-text d))))
                          (flymake-diagnostics))))
        (goto-char (point-min))
        (search-forward "20805    行政事业单位养老支出")
        (let ((start (match-beginning 0)))
          (goto-char (+ start 2))
          (let ((hover (jsonrpc-request (eglot-current-server) :textDocument/hover
                                        (eglot--TextDocumentPositionParams))))
            (e2e-put 'hover (plist-get (plist-get hover :contents) :value)))
          (goto-char (+ start 3))
          ;; A total's hover (a table of addends in Markdown): what eglot declared it reads,
          ;; what the server sent, and what eglot shows in the echo area / *eldoc* buffer.
          (save-excursion
            (goto-char (point-min))
            (re-search-forward "^本年收入合计 +")
            (let* ((hover (jsonrpc-request (eglot-current-server) :textDocument/hover
                                           (eglot--TextDocumentPositionParams)))
                   (contents (plist-get hover :contents)))
              (e2e-put 'markdown_mode (if (fboundp 'gfm-view-mode) t :json-false))
              (e2e-put 'total_hover_kind (plist-get contents :kind))
              (e2e-put 'total_hover (plist-get contents :value))
              (e2e-put 'total_hover_shown
                       (condition-case nil (format "%s" (eglot--format-markup contents)) (error "")))))
          (let* ((completion (jsonrpc-request (eglot-current-server) :textDocument/completion
                                              (eglot--CompletionParams)))
                 (items (if (vectorp completion) completion (plist-get completion :items))))
            (e2e-put 'completion (vconcat (mapcar (lambda (i) (plist-get i :label)) items)))))
        (eglot-shutdown (eglot-current-server))))
  (error (e2e-put 'error (format "%S" err))))
(e2e-write)
(kill-emacs 0)
