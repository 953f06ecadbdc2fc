" Juesuan (决算): comments are // to the end of the line.
if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

setlocal commentstring=//\ %s
setlocal comments=://
setlocal formatoptions-=t
setlocal nowrap
" （）【】“” pair with %
setlocal matchpairs+=（:）,【:】,“:”

let b:undo_ftplugin = 'setlocal commentstring< comments< formatoptions< wrap< matchpairs<'
