// The GEMM shapes of the CIFAR-10 MLP benchmark against a square product, with the system OpenBLAS alone.
//   gcc -O2 Benchmarks/c/gemm_shapes.c -o /tmp/gemm_shapes $(pkg-config --cflags --libs openblas) && /tmp/gemm_shapes
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
static double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
static void run(const char*name,int ta,int tb,int m,int n,int k){
 float*a=malloc(4L*m*k),*b=malloc(4L*k*n),*c=malloc(4L*m*n);
 for(long i=0;i<(long)m*k;i++)a[i]=i%7*0.1f; for(long i=0;i<(long)k*n;i++)b[i]=i%5*0.1f;
 int lda=ta?m:k, ldb=tb?k:n;
 cblas_sgemm(CblasRowMajor,ta?CblasTrans:CblasNoTrans,tb?CblasTrans:CblasNoTrans,m,n,k,1,a,lda,b,ldb,0,c,n);
 int reps=0; double t0=now(),t;
 do{cblas_sgemm(CblasRowMajor,ta?CblasTrans:CblasNoTrans,tb?CblasTrans:CblasNoTrans,m,n,k,1,a,lda,b,ldb,0,c,n);reps++;}while((t=now()-t0)<1.5);
 printf("%-28s %6.1f GFLOP/s\n",name,2.0*m*n*k*reps/t/1e9);
}
int main(){
 run("square 1024",0,0,1024,1024,1024);
 run("L1 fwd 128x3072 * 3072x256",0,0,128,256,3072);
 run("L1 wgrad 3072x128 * 128x256",1,0,3072,256,128);
 run("L2 fwd 128x256*256x256",0,0,128,256,256);
 return 0;}
