import { Module } from '@nestjs/common';
import { ComponentValuesController } from './component-values.controller';
import { ComponentValuesService } from './component-values.service';

/** 评分构成: the office's values of input components, their import and their lock before ranking. */
@Module({
  controllers: [ComponentValuesController],
  providers: [ComponentValuesService],
})
export class ComponentsModule {}
