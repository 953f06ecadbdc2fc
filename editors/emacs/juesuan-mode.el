;;; juesuan-mode.el --- Major mode for Juesuan (决算) final-accounts reports  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1"))
;; Keywords: languages
;; URL: https://github.com/juesuan/juesuan

;;; Commentary:

;; A major mode for `.juesuan' files, the plain-text language of departmental final-accounts
;; reports (部门决算公开): highlighting of block keywords (表 说明 绩效 名词解释 校验 and
;; their ASCII aliases), header keys, table ids, functional and economic classification codes,
;; total rows, 其中 rows, numbers, percentages and empty cells, comments and suppression
;; comments; in 说明 prose, amounts with units, percentages and counts stand out.
;;
;; The language server `juesuan lsp' is registered with eglot, so `M-x eglot' (or
;; `eglot-ensure' in `juesuan-mode-hook') brings diagnostics (through flymake), completion
;; of codes and hover (through eldoc):
;;
;;   (add-to-list 'load-path "/path/to/juesuan/editors/emacs")
;;   (require 'juesuan-mode)
;;   (add-hook 'juesuan-mode-hook #'eglot-ensure)

;;; Code:

(defgroup juesuan nil
  "Juesuan (决算) final-accounts reports."
  :group 'languages
  :prefix "juesuan-")

(defcustom juesuan-server-command '("juesuan" "lsp")
  "Command that starts the Juesuan language server.
A list of the program and its arguments."
  :type '(repeat string)
  :group 'juesuan)

(defcustom juesuan-render-open-function #'browse-url-of-file
  "Function called with the path of the page `juesuan-render' wrote."
  :type 'function
  :group 'juesuan)

(defface juesuan-total-face
  '((t :inherit font-lock-keyword-face :weight bold))
  "Face for the labels of total rows (合计, 总计, 本年收入合计 …)."
  :group 'juesuan)

(defface juesuan-empty-cell-face
  '((t :inherit shadow))
  "Face for empty cells (-, —, --)."
  :group 'juesuan)

(defface juesuan-claim-face
  '((t :inherit font-lock-constant-face :underline t))
  "Face for claims in 说明 prose: amounts with units, percentages, counts."
  :group 'juesuan)

(defconst juesuan--blank "[ \t\u3000]"
  "One blank: space, tab or the ideographic space.")

(defconst juesuan--block-re
  "^\\(表\\|说明\\|绩效\\|名词解释\\|校验\\|[Tt][Aa][Bb][Ll][Ee]\\|[Tt][Ee][Xx][Tt]\\|[Pp][Ee][Rr][Ff]\\|[Gg][Ll][Oo][Ss][Ss][Aa][Rr][Yy]\\|[Cc][Hh][Ee][Cc][Kk]\\)\\(?:[ \t\u3000]\\|$\\)"
  "A block keyword at column 0; group 1 is the keyword.")

(defconst juesuan--number-re
  "[-－−]?\\(?:[0-9]\\{1,3\\}\\(?:,[0-9]\\{3\\}\\)+\\|[0-9]+\\)\\(?:\\.[0-9]+\\)?"
  "A number: optional minus, thousands separators, decimals.")

(defun juesuan--block-keyword ()
  "The keyword of the block around point, normalised to its Chinese form, or nil."
  (save-excursion
    (end-of-line)
    (when (re-search-backward juesuan--block-re nil t)
      (let ((word (downcase (match-string-no-properties 1))))
        (cdr (assoc word '(("表" . "表") ("table" . "表") ("说明" . "说明") ("text" . "说明")
                           ("绩效" . "绩效") ("perf" . "绩效") ("名词解释" . "名词解释")
                           ("glossary" . "名词解释") ("校验" . "校验") ("check" . "校验"))))))))

(defun juesuan--table-06-p ()
  "Non-nil when point is in table 公开06.
Its codes are economic classification codes."
  (save-excursion
    (end-of-line)
    (and (re-search-backward juesuan--block-re nil t)
         (looking-at "^\\(?:表\\|[Tt][Aa][Bb][Ll][Ee]\\)[ \t\u3000]+\\(?:公开06表?\\|06表\\|公开6\\)\\(?:[ \t\u3000]\\|$\\)"))))

(defun juesuan--match-code (limit economic)
  "Font-lock matcher for row codes up to LIMIT; ECONOMIC selects 公开06 codes."
  (let (found)
    (while (and (not found)
                (re-search-forward "^[ \t\u3000]*\\([0-9]\\{7\\}\\|[0-9]\\{5\\}\\|[0-9]\\{3\\}\\)\\(?:[ \t\u3000]\\|$\\)" limit t))
      (save-match-data
        (when (and (equal (juesuan--block-keyword) "表")
                   (if economic (juesuan--table-06-p) (not (juesuan--table-06-p))))
          (setq found t))))
    found))

(defun juesuan--match-economic-code (limit)
  "Economic classification codes (公开06) up to LIMIT."
  (juesuan--match-code limit t))

(defun juesuan--match-functional-code (limit)
  "Functional classification codes up to LIMIT."
  (juesuan--match-code limit nil))

(defun juesuan--match-in-prose (regexp limit)
  "Search REGEXP up to LIMIT, keeping only matches inside 说明 blocks."
  (let (found)
    (while (and (not found) (re-search-forward regexp limit t))
      (save-match-data
        (when (and (equal (juesuan--block-keyword) "说明")
                   (not (save-excursion (beginning-of-line) (looking-at juesuan--block-re))))
          (setq found t))))
    found))

(defun juesuan--match-claim (limit)
  "Amounts with units, percentages, counts and scores in prose, up to LIMIT."
  (juesuan--match-in-prose
   (concat "\\(?:^\\|[^0-9.,]\\)\\(" juesuan--number-re
           "\\(?:亿元\\|万元\\|千元\\|元\\|[%％]\\|人次\\|批次\\|批\\|辆\\|个\\|人\\|项\\|次\\|场\\|家\\|名\\|台\\|套\\|户\\|件\\|分\\)\\)")
   limit))

(defconst juesuan-font-lock-keywords
  `(;; suppression comments, over the comment face
    ("//[ \t\u3000]*\\(juesuan:\\)[ \t\u3000]+\\(allow\\(?:-file\\)?\\)\\(\\(?:\\(?:[ \t\u3000]+\\|[ \t\u3000]*,[ \t\u3000]*\\)[A-Za-z][0-9]\\{3\\}\\)+\\)"
     (1 font-lock-preprocessor-face prepend)
     (2 font-lock-preprocessor-face prepend)
     (3 font-lock-constant-face prepend))
    ;; block keywords, table ids and titles
    (,juesuan--block-re 1 font-lock-keyword-face)
    ("^\\(?:表\\|[Tt][Aa][Bb][Ll][Ee]\\)[ \t\u3000]+\\([^ \t\u3000\n]+\\)\\(?:[ \t\u3000]+\\([^\n]*?\\)\\)?[ \t\u3000]*\\(?:[ \t\u3000]//.*\\)?$"
     (1 font-lock-type-face)
     (2 font-lock-function-name-face nil t))
    ("^\\(?:说明\\|[Tt][Ee][Xx][Tt]\\)[ \t\u3000]+\\(.+\\)$" 1 font-lock-function-name-face)
    ("^\\(?:绩效\\|[Pp][Ee][Rr][Ff]\\)[ \t\u3000]+\\([^ \t\u3000\n]+\\)" 1 font-lock-function-name-face)
    ;; header keys (before the first block)
    ("^\\(部门\\|年度\\|单位\\|预算代码\\|容差\\|科目\\|[Dd][Ee][Pp][Tt]\\|[Yy][Ee][Aa][Rr]\\|[Uu][Nn][Ii][Tt]\\|[Cc][Oo][Dd][Ee]\\|[Tt][Oo][Ll][Ee][Rr][Aa][Nn][Cc][Ee]\\|[Ss][Uu][Bb][Jj][Ee][Cc][Tt]\\)[ \t\u3000]"
     1 font-lock-variable-name-face)
    ;; table lines
    ("^[ \t\u3000]*\\(列\\|[Cc][Oo][Ll][Uu][Mm][Nn][Ss]\\)[ \t\u3000]" 1 font-lock-keyword-face)
    ("^[ \t\u3000]*\\(收入\\|支出\\)[ \t\u3000]*$" 1 font-lock-builtin-face)
    ("^[ \t\u3000]*\\([^ \t\u3000\n]*?\\(?:合计\\|总计\\|小计\\)\\)\\(?:[ \t\u3000]\\|$\\)" 1 'juesuan-total-face)
    ("^[ \t\u3000]*\\(其中[：:]\\)" 1 font-lock-builtin-face)
    (juesuan--match-economic-code 1 font-lock-builtin-face)
    (juesuan--match-functional-code 1 font-lock-constant-face)
    ;; cells: numbers, percentages, empty cells (blank-separated)
    (,(concat "\\(?:^\\|[ \t\u3000]\\)\\(" juesuan--number-re "[%％]\\)\\(?:[ \t\u3000]\\|$\\)") 1 font-lock-constant-face)
    (,(concat "\\(?:^\\|[ \t\u3000]\\)\\(" juesuan--number-re "\\)\\(?:[ \t\u3000]\\|$\\)") 1 font-lock-constant-face)
    ("\\(?:^\\|[ \t\u3000]\\)\\(---\\|--\\|——\\|-\\|—\\|－\\)\\(?:[ \t\u3000]\\|$\\)" 1 'juesuan-empty-cell-face)
    ;; performance self-evaluation
    ("^[ \t\u3000]*\\(主管部门\\|实施单位\\|资金\\|其中\\|执行率\\|年度目标\\|指标\\|总分\\|等级\\)[ \t\u3000]" 1 font-lock-variable-name-face)
    ("[ \t\u3000]\\(年初预算数\\|全年预算数\\|全年执行数\\|到位数\\|目标\\|实际\\|分值\\|得分\\|完成\\|原因\\)[ \t\u3000]" 1 font-lock-type-face)
    ;; glossary terms
    ("^[ \t\u3000]*\\([^：:。；！？ \t\u3000\n/][^：:。；！？\n]*?\\)[：:]"
     (1 (when (equal (save-match-data (juesuan--block-keyword)) "名词解释") font-lock-variable-name-face)))
    ;; claims in prose
    (juesuan--match-claim 1 'juesuan-claim-face))
  "Font-lock keywords of `juesuan-mode'.")

(defvar juesuan-mode-syntax-table
  (let ((table (make-syntax-table)))
    ;; `//' starts a comment that runs to the end of the line
    (modify-syntax-entry ?/ ". 12" table)
    (modify-syntax-entry ?\n ">" table)
    (modify-syntax-entry ?\u3000 " " table)
    (modify-syntax-entry ?（ "(）" table)
    (modify-syntax-entry ?） ")（" table)
    (modify-syntax-entry ?【 "(】" table)
    (modify-syntax-entry ?】 ")【" table)
    (modify-syntax-entry ?“ "(”" table)
    (modify-syntax-entry ?” ")“" table)
    (modify-syntax-entry ?《 "(》" table)
    (modify-syntax-entry ?》 ")《" table)
    ;; numbers keep their separators and signs together for word motion
    (modify-syntax-entry ?. "_" table)
    (modify-syntax-entry ?, "_" table)
    (modify-syntax-entry ?% "_" table)
    (modify-syntax-entry ?\" "." table)
    table)
  "Syntax table of `juesuan-mode'.")

;;;###autoload
(define-derived-mode juesuan-mode prog-mode "决算"
  "Major mode for Juesuan (决算) final-accounts reports.

Diagnostics, completion and hover come from `juesuan lsp' through eglot:
\\[eglot] starts it (see `juesuan-server-command')."
  :syntax-table juesuan-mode-syntax-table
  :group 'juesuan
  (setq-local comment-start "// ")
  (setq-local comment-end "")
  (setq-local comment-start-skip "//+[ \t\u3000]*")
  (setq-local indent-tabs-mode nil)
  (setq-local truncate-lines t)
  (setq-local font-lock-multiline nil)
  (setq-local font-lock-defaults '(juesuan-font-lock-keywords nil nil)))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.juesuan\\'" . juesuan-mode))

(defun juesuan-render ()
  "Render this report with `juesuan render' and open the page.
The buffer's text (saved or not) goes to the program of
`juesuan-server-command'; the page is written to NAME.html next to
the file and opened with `juesuan-render-open-function'.
Returns the page's path."
  (interactive)
  (unless buffer-file-name
    (user-error "juesuan: 请先给报告存盘（需要文件名）"))
  (let* ((file (expand-file-name buffer-file-name))
         (out (concat (file-name-sans-extension file) ".html"))
         (messages (generate-new-buffer " *juesuan-render*")))
    (unwind-protect
        (let* ((coding-system-for-write 'utf-8-unix)
               (coding-system-for-read 'utf-8-unix)
               (status (save-restriction
                         (widen)
                         (call-process-region (point-min) (point-max) (car juesuan-server-command)
                                              nil messages nil "render" "-" "--stdin-filename" file
                                              "--allow-errors" "-o" out)))
               (text (with-current-buffer messages (buffer-string))))
          (unless (eql status 0)
            (error "juesuan render: %s" (replace-regexp-in-string "\\`[ \t\n]+\\|[ \t\n]+\\'" "" text)))
          (when (string-match-p "个错误" text)
            (message "juesuan: 报告有错误，页面顶部印有提示，改正后再公开"))
          (funcall juesuan-render-open-function out)
          out)
      (kill-buffer messages))))

(defvar eglot-server-programs)

(defun juesuan--eglot-contact (&optional _interactive)
  "The command eglot runs for `juesuan-mode' buffers."
  juesuan-server-command)

;;;###autoload
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs '(juesuan-mode . juesuan--eglot-contact)))

(provide 'juesuan-mode)

;;; juesuan-mode.el ends here
