" Juesuan (决算) reports: *.juesuan
autocmd BufRead,BufNewFile *.juesuan setfiletype juesuan
