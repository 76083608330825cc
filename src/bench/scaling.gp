# gnuplot -e "dir='target/bench'" src/bench/scaling.gp   (reads scaling-timeline.tsv and
# scaling-progress.tsv, the rows of scaling.tsv per scenario, and writes scaling.png)
set terminal pngcairo size 900,500 font "sans,11"
set output dir.'/scaling.png'
set datafile separator "\t"
set logscale x 10
set format x "10^{%L}"
set xrange [5000:2000000]
set xlabel "observations in the database (and as many messages)"
set ylabel "ms per request, 32 connections"
set yrange [0:*]
set key outside right
set grid
set title "Cost per request as the district grows (2 shared cores)"
t = dir.'/scaling-timeline.tsv'
p = dir.'/scaling-progress.tsv'
plot t using 1:4 with linespoints lw 2 pt 7 lc rgb "#1f77b4" title "timeline p50", \
     t using 1:5 with linespoints lw 1 pt 7 dt 2 lc rgb "#1f77b4" title "timeline p99", \
     t using 1:11 with linespoints lw 1 pt 4 lc rgb "#6baed6" title "timeline SQL p50 (pgbench)", \
     p using 1:4 with linespoints lw 2 pt 5 lc rgb "#d62728" title "goal progress p50", \
     p using 1:5 with linespoints lw 1 pt 5 dt 2 lc rgb "#d62728" title "goal progress p99", \
     p using 1:11 with linespoints lw 1 pt 4 lc rgb "#ff9896" title "progress SQL p50 (pgbench)"
