" Vim syntax file
" Language:    Juesuan (决算) — departmental final-accounts reports, *.juesuan
" Mirrors the scopes of grammar/juesuan.tmLanguage.json (see editors/README.md).

if exists('b:current_syntax')
  finish
endif
let s:cpo_save = &cpo
set cpo&vim

syntax case match
syntax sync fromstart

" A block keyword at column 0 (Chinese or ASCII alias, any case) followed by a blank or EOL.
let s:blockwords = '\%(表\|说明\|绩效\|名词解释\|校验\|\c\%(table\|text\|perf\|glossary\|check\)\C\)'
let s:blockend = 'end=/^\ze' . s:blockwords . '\%([ \t\u3000]\|$\)/'

" ---- comments (whole-line anywhere; trailing ` //` on header, table, 绩效 and 校验 lines)
syntax match juesuanComment /^[ \t\u3000]*\/\/.*$/ contains=juesuanSuppression
syntax match juesuanTrailingComment /[ \t\u3000]\zs\/\/.*$/ contained contains=juesuanSuppression
syntax match juesuanSuppression /\/\/[ \t\u3000]*\zsjuesuan:[ \t\u3000]\+allow\%(-file\)\=\%(\%([ \t\u3000]\+\|[ \t\u3000]*,[ \t\u3000]*\)[A-Za-z]\d\{3}\)\+/ contained contains=juesuanRuleCode
syntax match juesuanRuleCode /\<[A-Za-z]\d\{3}\>/ contained

" ---- header (before the first block)
syntax match juesuanHeaderKey /^\%(部门\|年度\|单位\|预算代码\|容差\|科目\|\c\%(dept\|year\|unit\|code\|tolerance\|subject\)\C\)\ze\%([ \t\u3000]\|$\)/ nextgroup=juesuanHeaderValue skipwhite
syntax match juesuanHeaderValue /.\{-}\ze\%([ \t\u3000]\+\/\/.*\)\=$/ contained contains=juesuanUnit,juesuanHeaderCode nextgroup=juesuanTrailingComment
syntax match juesuanUnit /\%(亿元\|万元\|千元\|元\)\ze\%([ \t\u3000]\|$\)/ contained
syntax match juesuanHeaderCode /^\d\{3}\%(\d\d\%(\d\d\)\=\)\=\ze[ \t\u3000]/ contained

" ---- cells shared by tables and 绩效
syntax match juesuanNumber /\%(^\|[ \t\u3000]\)\@<=[-－−]\=\%(\d\{1,3}\%(,\d\{3}\)\+\|\d\+\)\%(\.\d\+\)\=\ze\%([ \t\u3000]\|$\)/ contained
syntax match juesuanPercent /\%(^\|[ \t\u3000]\|[=＝<>≤≥＜＞]\)\@<=[-－−]\=\%(\d\{1,3}\%(,\d\{3}\)\+\|\d\+\)\%(\.\d\+\)\=[%％]/ contained
syntax match juesuanEmpty /\%(^\|[ \t\u3000]\)\@<=\%(---\|--\|——\|-\|—\|－\)\ze\%([ \t\u3000]\|$\)/ contained

" ---- tables
execute 'syntax region juesuanTable matchgroup=juesuanTableWord start=/^\%(表\|\c\%(table\)\C\)\ze\%([ \t\u3000]\|$\)/ ' . s:blockend
      \ . ' contains=juesuanTableId,juesuanTitle,juesuanComment,juesuanTrailingComment,juesuanColumns,juesuanSide,juesuanTotal,juesuanDetail,juesuanFunctionalCode,juesuanNumber,juesuanPercent,juesuanEmpty keepend'
execute 'syntax region juesuanTable06 matchgroup=juesuanTableWord start=/^\%(表\|\c\%(table\)\C\)\ze[ \t\u3000]\+\%(公开06表\=\|06表\|公开6\)\%([ \t\u3000]\|$\)/ ' . s:blockend
      \ . ' contains=juesuanTableId,juesuanTitle,juesuanComment,juesuanTrailingComment,juesuanColumns,juesuanSide,juesuanTotal,juesuanDetail,juesuanEconomicCode,juesuanNumber,juesuanPercent,juesuanEmpty keepend'
syntax match juesuanTableId /\%(^\%(表\|\c\%(table\)\C\)[ \t\u3000]\+\)\@<=[^ \t\u3000]\+/ contained
syntax match juesuanTitle /\%(^\%(表\|\c\%(table\)\C\)[ \t\u3000]\+[^ \t\u3000]\+[ \t\u3000]\+\)\@<=\%([ \t\u3000]*\/\/\)\@!.\{-}\ze\%([ \t\u3000]\+\/\/.*\)\=$/ contained
syntax match juesuanColumns /^[ \t\u3000]*\zs\%(列\|\c\%(columns\)\C\)\ze\%([ \t\u3000]\|$\)/ contained
syntax match juesuanSide /^[ \t\u3000]*\zs\%(收入\|支出\)\ze[ \t\u3000]*$/ contained
syntax match juesuanTotal /^[ \t\u3000]*\zs[^ \t\u3000]\{-}\%(合计\|总计\|小计\)\ze\%([ \t\u3000]\|$\)/ contained
syntax match juesuanDetail /^[ \t\u3000]*\zs其中[：:]/ contained
syntax match juesuanFunctionalCode /^[ \t\u3000]*\zs\d\{3}\%(\d\d\%(\d\d\)\=\)\=\ze\%([ \t\u3000]\|$\)/ contained
syntax match juesuanEconomicCode /^[ \t\u3000]*\zs\d\{3}\%(\d\d\%(\d\d\)\=\)\=\ze\%([ \t\u3000]\|$\)/ contained

" ---- narrative (说明): the title, then prose whose claims stand out
execute 'syntax region juesuanNarrative matchgroup=juesuanBlock start=/^\%(说明\|\c\%(text\)\C\)\ze\%([ \t\u3000]\|$\)/ ' . s:blockend
      \ . ' contains=juesuanHeading,juesuanComment,juesuanAmount,juesuanClaimPercent,juesuanCount,juesuanScore,juesuanChange keepend'
syntax match juesuanHeading /\%(^\%(说明\|\c\%(text\)\C\)\)\@<=[ \t\u3000]\+\zs.*$/ contained
syntax match juesuanAmount /\%([0-9.,]\)\@<!-\=\%(\d\{1,3}\%(,\d\{3}\)\+\|\d\+\)\%(\.\d\+\)\=\%(亿元\|万元\|千元\|元\)/ contained contains=juesuanClaimUnit
syntax match juesuanClaimUnit /\d\@<=\%(亿元\|万元\|千元\|元\)/ contained
syntax match juesuanClaimPercent /\%([0-9.,]\)\@<!-\=\%(\d\{1,3}\%(,\d\{3}\)\+\|\d\+\)\%(\.\d\+\)\=[%％]/ contained
syntax match juesuanCount /\%([0-9.,]\)\@<!\%(\d\{1,3}\%(,\d\{3}\)\+\|\d\+\)\%(\.\d\+\)\=\%(人次\|批次\|批\|辆\|个\|人\|项\|次\|场\|家\|名\|台\|套\|户\|件\)/ contained
syntax match juesuanScore /\%([0-9.,]\)\@<!\d\+\%(\.\d\+\)\=分/ contained
syntax match juesuanChange /增加\|减少\|增长\|下降\|持平/ contained

" ---- performance self-evaluation (绩效)
execute 'syntax region juesuanPerformance matchgroup=juesuanBlock start=/^\%(绩效\|\c\%(perf\)\C\)\ze\%([ \t\u3000]\|$\)/ ' . s:blockend
      \ . ' contains=juesuanProject,juesuanComment,juesuanTrailingComment,juesuanPerfKey,juesuanField,juesuanNumber,juesuanPercent,juesuanComparator,juesuanGrade keepend'
syntax match juesuanProject /\%(^\%(绩效\|\c\%(perf\)\C\)\)\@<=[ \t\u3000]\+\zs.\{-}\ze\%([ \t\u3000]\+\/\/.*\)\=$/ contained nextgroup=juesuanTrailingComment
syntax match juesuanPerfKey /^[ \t\u3000]*\zs\%(主管部门\|实施单位\|资金\|其中\|执行率\|年度目标\|指标\|总分\|等级\)\ze\%([ \t\u3000]\|$\)/ contained
syntax match juesuanField /[ \t\u3000]\zs\%(年初预算数\|全年预算数\|全年执行数\|到位数\|目标\|实际\|分值\|得分\|完成\|原因\)\ze\%([ \t\u3000]\|$\)/ contained
syntax match juesuanComparator /<=\|>=\|[≥≤=＝<>＜＞]/ contained
syntax match juesuanGrade /\%(等级[ \t\u3000]\+\)\@<=[优良中差]\ze\%([ \t\u3000]\|$\)/ contained

" ---- glossary (名词解释)
execute 'syntax region juesuanGlossary matchgroup=juesuanBlock start=/^\%(名词解释\|\c\%(glossary\)\C\)\ze\%([ \t\u3000]\|$\)/ ' . s:blockend
      \ . ' contains=juesuanTerm,juesuanComment keepend'
syntax match juesuanTerm /^[ \t\u3000]*\zs[^：:。；！？ \t\u3000][^：:。；！？]\{-}\ze[：:]/ contained

" ---- user checks (校验)
execute 'syntax region juesuanCheck matchgroup=juesuanBlock start=/^\%(校验\|\c\%(check\)\C\)\ze\%([ \t\u3000]\|$\)/ ' . s:blockend
      \ . ' contains=juesuanComment,juesuanTrailingComment,juesuanReference,juesuanComparator,juesuanOperator,juesuanNumber keepend'
syntax match juesuanReference /[^ \t\u3000.．+＋\-－−=＝<>≤≥/]\+\ze[.．]/ contained contains=NONE
syntax match juesuanOperator /[+＋\-－−]/ contained

highlight default link juesuanComment Comment
highlight default link juesuanTrailingComment Comment
highlight default link juesuanSuppression PreProc
highlight default link juesuanRuleCode Special
highlight default link juesuanBlock Keyword
highlight default link juesuanTableWord Keyword
highlight default link juesuanHeaderKey Identifier
highlight default link juesuanHeaderValue String
highlight default link juesuanHeaderCode Constant
highlight default link juesuanUnit Type
highlight default link juesuanTableId Type
highlight default link juesuanTitle Title
highlight default link juesuanHeading Title
highlight default link juesuanProject Title
highlight default link juesuanColumns Keyword
highlight default link juesuanSide Label
highlight default link juesuanTotal Statement
highlight default link juesuanDetail Label
highlight default link juesuanFunctionalCode Constant
highlight default link juesuanEconomicCode Special
highlight default link juesuanNumber Number
highlight default link juesuanPercent Float
highlight default link juesuanEmpty SpecialChar
highlight default link juesuanAmount Number
highlight default link juesuanClaimUnit Type
highlight default link juesuanClaimPercent Float
highlight default link juesuanCount Number
highlight default link juesuanScore Number
highlight default link juesuanChange Operator
highlight default link juesuanPerfKey Identifier
highlight default link juesuanField Type
highlight default link juesuanComparator Operator
highlight default link juesuanOperator Operator
highlight default link juesuanGrade Constant
highlight default link juesuanTerm Identifier
highlight default link juesuanReference Type

let b:current_syntax = 'juesuan'
let &cpo = s:cpo_save
unlet s:cpo_save
